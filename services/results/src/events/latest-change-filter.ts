/** Images whose last change time is remembered; beyond it the oldest entries are forgotten. */
export const MAX_TRACKED_IMAGES = 10_000;

/**
 * Drops a change of an image that is older than one already passed, so that changes published by
 * several replicas, which may arrive in any order, reach clients in commit order per image.
 * An equal time passes: it repeats the state that a client already has.
 */
export class LatestChangeFilter {
  private readonly lastChangeMs = new Map<string, number>();

  constructor(private readonly maxTrackedImages = MAX_TRACKED_IMAGES) {}

  /** Returns whether the change is the newest seen for its image, and remembers it when it is. */
  accept(imageId: string, updatedAt: Date): boolean {
    const changeMs = updatedAt.getTime();
    const lastMs = this.lastChangeMs.get(imageId);
    if (lastMs !== undefined && changeMs < lastMs) {
      return false;
    }
    // Re-inserting moves the image to the end of the Map's insertion order, which is its eviction order.
    this.lastChangeMs.delete(imageId);
    this.lastChangeMs.set(imageId, changeMs);
    if (this.lastChangeMs.size > this.maxTrackedImages) {
      const oldest = this.lastChangeMs.keys().next().value!;
      this.lastChangeMs.delete(oldest);
    }
    return true;
  }
}
