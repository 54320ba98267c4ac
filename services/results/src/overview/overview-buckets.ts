/** Most bucket lengths the range of one labelsOverTime series may span. */
export const MAX_BUCKETS = 48;

/** Bucket sizes to choose from, in seconds: round minutes, hours and days, so bucket starts read well. */
const BUCKET_SIZES_SECONDS = [60, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];

/**
 * Returns the smallest bucket size of which at most MAX_BUCKETS cover the length of [from, to).
 * Buckets start at multiples of the size since the Unix epoch, so a range that does not start on a
 * bucket boundary gets one more, partial, bucket: at most MAX_BUCKETS + 1 in all.
 */
export function chooseBucketSeconds(from: Date, to: Date): number {
  const rangeSeconds = (to.getTime() - from.getTime()) / 1_000;
  return BUCKET_SIZES_SECONDS.find((size) => Math.ceil(rangeSeconds / size) <= MAX_BUCKETS) ?? BUCKET_SIZES_SECONDS.at(-1)!;
}

/** Returns the start of every bucket of `sizeSeconds` that overlaps [from, to), oldest first. */
export function bucketStarts(from: Date, to: Date, sizeSeconds: number): Date[] {
  const sizeMs = sizeSeconds * 1_000;
  const starts: Date[] = [];
  for (let start = Math.floor(from.getTime() / sizeMs) * sizeMs; start < to.getTime(); start += sizeMs) {
    starts.push(new Date(start));
  }
  return starts;
}
