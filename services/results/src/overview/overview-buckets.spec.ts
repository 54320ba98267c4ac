import { describe, expect, it } from '@jest/globals';

import { bucketStarts, chooseBucketSeconds, MAX_BUCKETS } from './overview-buckets.js';

const HOUR_MS = 3_600_000;

describe('chooseBucketSeconds', () => {
  it.each<[string, number, number]>([
    ['one hour', HOUR_MS, 300],
    ['one day', 24 * HOUR_MS, 1_800],
    ['one week', 7 * 24 * HOUR_MS, 21_600],
    ['92 days', 92 * 24 * HOUR_MS, 172_800],
  ])('picks the smallest size for %s', (_name, rangeMs, expected) => {
    const from = new Date('2025-12-04T10:17:00.000Z');
    const to = new Date(from.getTime() + rangeMs);

    expect(chooseBucketSeconds(from, to)).toBe(expected);
  });

  it('adds at most one partial bucket to an unaligned range', () => {
    const from = new Date('2025-12-04T10:17:31.000Z');
    const to = new Date(from.getTime() + 24 * HOUR_MS);

    expect(bucketStarts(from, to, chooseBucketSeconds(from, to)).length).toBeLessThanOrEqual(MAX_BUCKETS + 1);
  });
});

describe('bucketStarts', () => {
  it('starts at the bucket that contains from', () => {
    const starts = bucketStarts(new Date('2025-12-04T10:17:00.000Z'), new Date('2025-12-04T11:00:00.000Z'), 1_800);

    expect(starts.map((start) => start.toISOString())).toEqual(['2025-12-04T10:00:00.000Z', '2025-12-04T10:30:00.000Z']);
  });

  it('leaves out a bucket that starts at to', () => {
    const starts = bucketStarts(new Date('2025-12-04T10:00:00.000Z'), new Date('2025-12-04T11:00:00.000Z'), 1_800);

    expect(starts).toHaveLength(2);
  });
});
