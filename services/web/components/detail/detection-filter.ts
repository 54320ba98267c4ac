import type { Detection } from '../../lib/api/image-types';

/** A detection with its position in the image's full list, which keeps colours and highlights stable while filtering. */
export interface IndexedDetection {
  index: number;
  detection: Detection;
}

export interface DetectionFilter {
  /** Lowest score shown, in [0, 1]. */
  minScore: number;
  hiddenLabels: ReadonlySet<string>;
}

export const NO_FILTER: DetectionFilter = { minScore: 0, hiddenLabels: new Set() };

/** Keeps the detections at or above the minimum score whose label is not hidden, in their original order. */
export function filterDetections(detections: readonly Detection[], filter: DetectionFilter): IndexedDetection[] {
  const visible: IndexedDetection[] = [];
  detections.forEach((detection, index) => {
    if (detection.score >= filter.minScore && !filter.hiddenLabels.has(detection.label)) {
      visible.push({ index, detection });
    }
  });
  return visible;
}
