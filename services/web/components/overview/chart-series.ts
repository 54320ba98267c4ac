import type { LabelBucket } from '../../lib/api/overview-types';

/** Series key for the labels outside the top ones, merged into one stack segment. */
export const OTHER_SERIES = '__other__';

export interface StackedBucket {
  bucketStart: string;
  total: number;
  /** Segments bottom to top, in series order; series with no count in this bucket are left out. */
  segments: { series: string; count: number }[];
}

/** Picks the labels with the most detections over the whole range, most first, ties by name. */
export function topLabels(buckets: readonly LabelBucket[], limit: number): string[] {
  const totals = new Map<string, number>();
  for (const bucket of buckets) {
    for (const [label, count] of Object.entries(bucket.counts)) {
      totals.set(label, (totals.get(label) ?? 0) + count);
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([label]) => label);
}

/** Stacks each bucket's counts by the given series, adding every other label to OTHER_SERIES. */
export function stackBuckets(buckets: readonly LabelBucket[], series: readonly string[]): StackedBucket[] {
  const shown = new Set(series);
  return buckets.map((bucket) => {
    let other = 0;
    for (const [label, count] of Object.entries(bucket.counts)) {
      if (!shown.has(label)) {
        other += count;
      }
    }
    const segments = series
      .map((name) => ({ series: name, count: bucket.counts[name] ?? 0 }))
      .concat(other > 0 ? [{ series: OTHER_SERIES, count: other }] : [])
      .filter((segment) => segment.count > 0);
    const total = segments.reduce((sum, segment) => sum + segment.count, 0);
    return { bucketStart: bucket.bucketStart, total, segments };
  });
}
