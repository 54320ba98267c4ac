import type { AppliedDetectionOptions, DetectionOptions } from '@lookout/contracts';
import type { ModelManifest } from '../model/model-manifest.js';
import type { CandidateFilter } from './decoders/detection-decoder.js';

/** Post-processing defaults of a loaded model: its manifest's, overridden by the detector's environment. */
export interface PostprocessThresholds {
  scoreThreshold: number;
  iouThreshold: number;
  maxDetections: number;
}

/** Everything post-processing needs for one image, derived from the options applied to it. */
export interface PostprocessPlan {
  applied: AppliedDetectionOptions;
  filter: CandidateFilter;
}

/** Picks each threshold from the environment override when set, else from the manifest. */
export function resolveThresholds(manifest: ModelManifest, overrides: Partial<PostprocessThresholds>): PostprocessThresholds {
  return {
    scoreThreshold: overrides.scoreThreshold ?? manifest.defaults.scoreThreshold,
    iouThreshold: overrides.iouThreshold ?? manifest.defaults.iouThreshold,
    maxDetections: overrides.maxDetections ?? manifest.defaults.maxDetections,
  };
}

/** Fills every option the upload left out with the model's default. */
export function applyDetectionOptions(defaults: PostprocessThresholds, options: DetectionOptions = {}): AppliedDetectionOptions {
  return {
    minScore: options.minScore ?? defaults.scoreThreshold,
    iouThreshold: options.iouThreshold ?? defaults.iouThreshold,
    classes: options.classes === undefined ? null : [...new Set(options.classes)],
    maxDetections: options.maxDetections ?? defaults.maxDetections,
    classAgnostic: options.classAgnostic ?? false,
  };
}

/**
 * Resolves an upload's options against the model. Class names match the manifest's labels exactly,
 * case included. Ingest cannot check them because it does not know which model runs, so a name the
 * model lacks matches nothing, and a list of only such names yields no detections.
 */
export function planPostprocess(labels: readonly string[], defaults: PostprocessThresholds, options?: DetectionOptions): PostprocessPlan {
  const applied = applyDetectionOptions(defaults, options);
  let classIds: Set<number> | null = null;
  if (applied.classes !== null) {
    const wanted = new Set(applied.classes);
    classIds = new Set();
    labels.forEach((label, classId) => {
      if (wanted.has(label)) {
        classIds!.add(classId);
      }
    });
  }
  return { applied, filter: { minScore: applied.minScore, classIds } };
}
