import type { BoxCorners } from './box.js';
import type { Letterbox } from './letterbox.js';

/**
 * Maps a box from letterboxed model-input pixels to pixels of the upright original, clipped to the
 * image. Uses the per-axis ratio of the whole-pixel resize, not the unrounded scale. Returns null
 * when nothing of the box is left inside the image.
 */
export function letterboxToOriginal(box: BoxCorners, letterbox: Letterbox): BoxCorners | null {
  const ratioX = letterbox.originalWidth / letterbox.resizedWidth;
  const ratioY = letterbox.originalHeight / letterbox.resizedHeight;
  const mapped = {
    x1: clip((box.x1 - letterbox.padLeft) * ratioX, letterbox.originalWidth),
    y1: clip((box.y1 - letterbox.padTop) * ratioY, letterbox.originalHeight),
    x2: clip((box.x2 - letterbox.padLeft) * ratioX, letterbox.originalWidth),
    y2: clip((box.y2 - letterbox.padTop) * ratioY, letterbox.originalHeight),
  };
  if (mapped.x2 <= mapped.x1 || mapped.y2 <= mapped.y1) {
    return null;
  }
  return mapped;
}

/** Inverse of letterboxToOriginal for boxes inside the image, without clipping. */
export function originalToLetterbox(box: BoxCorners, letterbox: Letterbox): BoxCorners {
  const ratioX = letterbox.resizedWidth / letterbox.originalWidth;
  const ratioY = letterbox.resizedHeight / letterbox.originalHeight;
  return {
    x1: box.x1 * ratioX + letterbox.padLeft,
    y1: box.y1 * ratioY + letterbox.padTop,
    x2: box.x2 * ratioX + letterbox.padLeft,
    y2: box.y2 * ratioY + letterbox.padTop,
  };
}

function clip(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
