import sharp, { type Sharp } from 'sharp';

export type FixtureFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff';

/**
 * Encodes a noise image, so that every format compresses it into a file
 * large enough to cut in half mid-pixel-data.
 */
export async function noiseImage(format: FixtureFormat, width = 64, height = 48): Promise<Buffer> {
  return gaussianNoise(width, height).toFormat(format).toBuffer();
}

/** Encodes a JPEG whose EXIF orientation 6 rotates the stored `width` x `height` pixels by 90 degrees. */
export async function rotatedJpeg(width: number, height: number): Promise<Buffer> {
  return gaussianNoise(width, height).jpeg().withMetadata({ orientation: 6 }).toBuffer();
}

function gaussianNoise(width: number, height: number): Sharp {
  // sharp's types require a background, which the noise replaces.
  const background = { r: 0, g: 0, b: 0 };
  return sharp({ create: { width, height, channels: 3, background, noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
}

/** Returns the first half of a file. */
export function truncated(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}
