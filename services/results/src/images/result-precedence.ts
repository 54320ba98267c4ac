import type { ImageStatus } from './image.entity.js';
import { compareModelVersions } from './model-version.js';

/** The stored state of an image that decides whether a new detection result replaces it. */
export interface StoredResult {
  status: ImageStatus;
  modelId: string | null;
  modelVersion: string | null;
  completedAt: Date | null;
}

/** The model and time of an arriving detection result. */
export interface IncomingResult {
  modelId: string;
  modelVersion: string;
  completedAt: Date;
}

/**
 * Decides whether an arriving result replaces the stored one. Any result replaces a queued or
 * failed image. For a done image, a result of the same model wins when its version is newer by
 * semver, and when the versions are equal it wins unless it completed earlier, so a redelivered
 * event replaces its own copy. A result of another model wins unless it completed earlier.
 */
export function replacesStoredResult(stored: StoredResult, incoming: IncomingResult): boolean {
  if (stored.status !== 'done' || stored.completedAt === null) {
    return true;
  }
  if (stored.modelId === incoming.modelId && stored.modelVersion !== null) {
    const order = compareModelVersions(incoming.modelVersion, stored.modelVersion);
    if (order !== 0) {
      return order > 0;
    }
  }
  return incoming.completedAt.getTime() >= stored.completedAt.getTime();
}
