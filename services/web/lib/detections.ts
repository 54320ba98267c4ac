import type { Detection } from './api/image-types';

export interface LabelCount {
  label: string;
  count: number;
}

/** Counts detections per label, most frequent first, ties in order of first appearance. */
export function countLabels(detections: readonly Detection[]): LabelCount[] {
  const counts = new Map<string, number>();
  for (const detection of detections) {
    counts.set(detection.label, (counts.get(detection.label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}
