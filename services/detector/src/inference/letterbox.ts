/**
 * Geometry of one letterboxed image: the upright original was resized to
 * `resizedWidth` x `resizedHeight` and placed at (`padLeft`, `padTop`) inside the model input.
 */
export interface Letterbox {
  /** min(inputWidth / originalWidth, inputHeight / originalHeight), before rounding to whole pixels. */
  scale: number;
  padLeft: number;
  padTop: number;
  resizedWidth: number;
  resizedHeight: number;
  /** Size of the original after EXIF orientation is applied. */
  originalWidth: number;
  originalHeight: number;
}

/** Computes the letterbox of an upright image inside an input of `inputWidth` x `inputHeight`, in whole pixels. */
export function computeLetterbox(originalWidth: number, originalHeight: number, inputWidth: number, inputHeight: number): Letterbox {
  const scale = Math.min(inputWidth / originalWidth, inputHeight / originalHeight);
  const resizedWidth = Math.min(inputWidth, Math.max(1, Math.round(originalWidth * scale)));
  const resizedHeight = Math.min(inputHeight, Math.max(1, Math.round(originalHeight * scale)));
  return {
    scale,
    padLeft: Math.floor((inputWidth - resizedWidth) / 2),
    padTop: Math.floor((inputHeight - resizedHeight) / 2),
    resizedWidth,
    resizedHeight,
    originalWidth,
    originalHeight,
  };
}
