import { performance } from 'node:perf_hooks';
import type { AppliedDetectionOptions, Detection, DetectionOptions } from '@lookout/contracts';
import type { ModelManifest } from '../model/model-manifest.js';
import type { Batcher } from './batcher.js';
import type { ScoredBox } from './box.js';
import { letterboxToOriginal } from './coordinates.js';
import type { DetectionDecoder } from './decoders/detection-decoder.js';
import { planPostprocess, type PostprocessThresholds } from './detection-options.js';
import { prepareModelInput } from './model-input.js';
import { nonMaximumSuppression } from './nms.js';

export interface DetectionTimings {
  /** Decoding, orientation, resizing and normalisation. */
  decodeMs: number;
  /** The ONNX session run that included this image; with batching, the run of the whole batch. */
  inferenceMs: number;
  /** Everything from the encoded bytes to the final detections, waiting for a batch included. */
  totalMs: number;
}

export interface DetectionResult {
  /** Size of the upright original, the frame of every box. */
  width: number;
  height: number;
  detections: Detection[];
  /** The options this image ran with, the model's defaults filled in. */
  appliedOptions: AppliedDetectionOptions;
  /** Images that ran in the same session run as this one. */
  batchSize: number;
  timings: DetectionTimings;
}

export interface DetectionPipelineOptions {
  batcher: Pick<Batcher, 'submit'>;
  manifest: ModelManifest;
  decoder: DetectionDecoder;
  thresholds: PostprocessThresholds;
}

/** Runs one encoded image through preprocessing, the model (possibly batched with others), decoding and NMS. */
export class DetectionPipeline {
  readonly thresholds: PostprocessThresholds;

  constructor(private readonly options: DetectionPipelineOptions) {
    this.thresholds = options.thresholds;
  }

  /** Raises ImageDecodeError when the bytes are not an image and InferenceError when the model fails. */
  async detect(bytes: Uint8Array, requested?: DetectionOptions): Promise<DetectionResult> {
    const { manifest, decoder, batcher } = this.options;
    const plan = planPostprocess(manifest.labels, this.thresholds, requested);

    const started = performance.now();
    const { tensor, frame } = await prepareModelInput(bytes, manifest.input);
    const preprocessed = performance.now();
    const slot = await batcher.submit(tensor);

    const geometry = { width: manifest.input.width, height: manifest.input.height };
    const candidates = decoder.decode(slot.outputs, slot.batchIndex, geometry, plan.filter);
    // Clipping before NMS drops boxes that lie wholly in the padding, so they never take a place among maxDetections.
    const clipped: ScoredBox[] = [];
    for (const candidate of candidates) {
      const box = letterboxToOriginal(candidate.box, frame);
      if (box !== null) {
        clipped.push({ ...candidate, box });
      }
    }
    const { iouThreshold, maxDetections, classAgnostic } = plan.applied;
    const survivors = decoder.suppressesOverlaps
      ? clipped.sort((a, b) => b.score - a.score).slice(0, maxDetections)
      : nonMaximumSuppression(clipped, iouThreshold, maxDetections, classAgnostic);
    const detections = survivors.map(({ box, classId, score }) => ({ label: manifest.labels[classId]!, classId, score, box }));
    const finished = performance.now();

    return {
      width: frame.originalWidth,
      height: frame.originalHeight,
      detections,
      appliedOptions: plan.applied,
      batchSize: slot.batchSize,
      timings: {
        decodeMs: round(preprocessed - started),
        inferenceMs: round(slot.inferenceMs),
        totalMs: round(finished - started),
      },
    };
  }
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 100) / 100;
}
