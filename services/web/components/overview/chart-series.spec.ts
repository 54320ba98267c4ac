import { describe, expect, it } from '@jest/globals';
import type { LabelBucket } from '../../lib/api/overview-types';
import { OTHER_SERIES, stackBuckets, topLabels } from './chart-series';

const buckets: LabelBucket[] = [
  { bucketStart: '2025-03-14T09:00:00.000Z', counts: { dog: 3, person: 1, kite: 1 } },
  { bucketStart: '2025-03-14T09:05:00.000Z', counts: { person: 4, horse: 2 } },
];

describe('topLabels', () => {
  it('orders labels by total count', () => {
    expect(topLabels(buckets, 2)).toEqual(['person', 'dog']);
  });
});

describe('stackBuckets', () => {
  it('merges the rest into other', () => {
    const [first, second] = stackBuckets(buckets, ['person', 'dog']);
    expect(first!.segments).toEqual([
      { series: 'person', count: 1 },
      { series: 'dog', count: 3 },
      { series: OTHER_SERIES, count: 1 },
    ]);
    expect(second!.total).toBe(6);
    expect(second!.segments.map((segment) => segment.series)).toEqual(['person', OTHER_SERIES]);
  });
});
