import type { ModelFamily } from '../../model/model-manifest.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import type { ScoredBox } from '../box.js';

/** Size of the model input in pixels, the frame of every decoded box. */
export interface InputGeometry {
  width: number;
  height: number;
}

/** Filters a decoder applies while reading the outputs, before NMS. */
export interface CandidateFilter {
  /** Candidates scoring below this are dropped. */
  minScore: number;
  /** Class ids to keep, or null to keep every class. */
  classIds: ReadonlySet<number> | null;
}

/** Turns one image's slice of a model family's raw outputs into candidate boxes in input pixels. */
export interface DetectionDecoder {
  readonly family: ModelFamily;
  /** True when the graph has already suppressed overlapping boxes, so the pipeline skips NMS. */
  readonly suppressesOverlaps: boolean;
  /**
   * Decodes image `batchIndex` of a batched run. Raises InferenceError when an output is missing
   * or has a shape the family does not produce.
   */
  decode(outputs: ReadonlyMap<string, OutputTensor>, batchIndex: number, geometry: InputGeometry, filter: CandidateFilter): ScoredBox[];
}

export function keepsClass(filter: CandidateFilter, classId: number): boolean {
  return filter.classIds === null || filter.classIds.has(classId);
}
