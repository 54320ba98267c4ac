import { performance } from 'node:perf_hooks';
import type { Detection } from '@lookout/contracts';
import type { ModelManifest } from '../model/model-manifest.js';
import type { OnnxSessionAdapter } from '../model/onnx-session.adapter.js';
import { letterboxToOriginal } from './coordinates.js';
import { decodeNanoDet } from './nanodet-decoder.js';
import { nonMaximumSuppression } from './nms.js';
import { preprocessImage } from './preprocess.js';

export interface PostprocessThresholds {
  scoreThreshold: number;
  iouThreshold: number;
  maxDetections: number;
}

export interface DetectionTimings {
  /** Decoding, orientation, letterboxing and normalisation with sharp. */
  decodeMs: number;
  /** The ONNX session run alone. */
  inferenceMs: number;
  /** Everything from the encoded bytes to the final detections. */
  totalMs: number;
}

export interface DetectionResult {
  /** Size of the upright original, the frame of every box. */
  width: number;
  height: number;
  detections: Detection[];
  timings: DetectionTimings;
}

/** Runs one encoded image through preprocessing, the model, decoding and NMS. */
export class DetectionPipeline {
  constructor(
    private readonly session: Pick<OnnxSessionAdapter, 'run'>,
    private readonly manifest: ModelManifest,
    readonly thresholds: PostprocessThresholds,
  ) {}

  /** Raises ImageDecodeError when the bytes are not an image and InferenceError when the model fails. */
  async detect(bytes: Uint8Array): Promise<DetectionResult> {
    const started = performance.now();
    const { tensor, letterbox } = await preprocessImage(bytes, this.manifest.input);
    const preprocessed = performance.now();
    const outputs = await this.session.run(tensor);
    const inferred = performance.now();

    const candidates = decodeNanoDet(outputs, this.manifest, this.thresholds.scoreThreshold);
    const survivors = nonMaximumSuppression(candidates, this.thresholds.iouThreshold, this.thresholds.maxDetections);
    const detections: Detection[] = [];
    for (const candidate of survivors) {
      const box = letterboxToOriginal(candidate.box, letterbox);
      if (box === null) {
        continue;
      }
      detections.push({ label: this.manifest.labels[candidate.classId]!, classId: candidate.classId, score: candidate.score, box });
    }
    const finished = performance.now();

    return {
      width: letterbox.originalWidth,
      height: letterbox.originalHeight,
      detections,
      timings: {
        decodeMs: round(preprocessed - started),
        inferenceMs: round(inferred - preprocessed),
        totalMs: round(finished - started),
      },
    };
  }
}

/** Picks each threshold from the environment override when set, else from the manifest. */
export function resolveThresholds(manifest: ModelManifest, overrides: Partial<PostprocessThresholds>): PostprocessThresholds {
  return {
    scoreThreshold: overrides.scoreThreshold ?? manifest.defaults.scoreThreshold,
    iouThreshold: overrides.iouThreshold ?? manifest.defaults.iouThreshold,
    maxDetections: overrides.maxDetections ?? manifest.defaults.maxDetections,
  };
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 100) / 100;
}
