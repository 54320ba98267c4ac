import type { ImageRecord } from '../../lib/api/image-types';

/**
 * Puts a freshly fetched first page in front of the images already displayed, dropping the older copies
 * of any image that appears in both, so pages loaded with "load more" stay in place.
 */
export function mergeFirstPage(displayed: readonly ImageRecord[], firstPage: readonly ImageRecord[]): ImageRecord[] {
  const fresh = new Set(firstPage.map((image) => image.id));
  return [...firstPage, ...displayed.filter((image) => !fresh.has(image.id))];
}

/** Appends a following page, skipping images already displayed because a live refresh added them. */
export function appendPage(displayed: readonly ImageRecord[], page: readonly ImageRecord[]): ImageRecord[] {
  const known = new Set(displayed.map((image) => image.id));
  return [...displayed, ...page.filter((image) => !known.has(image.id))];
}

export function replaceImage(displayed: readonly ImageRecord[], updated: ImageRecord): ImageRecord[] {
  return displayed.map((image) => (image.id === updated.id ? updated : image));
}
