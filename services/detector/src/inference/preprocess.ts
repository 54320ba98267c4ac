import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { ModelManifest } from '../model/model-manifest.js';
import { computeLetterbox, type Letterbox } from './letterbox.js';

/** Grey used for transparent pixels and for the letterbox padding, as in YOLO-style letterboxing. */
export const PAD_GREY = { r: 114, g: 114, b: 114 } as const;

const RGB_CHANNELS = 3;

/** Raised when sharp cannot decode the bytes as an image. */
export class ImageDecodeError extends Error {
  readonly code = 'decode_failed';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageDecodeError';
  }
}

export interface PreprocessedImage {
  /** Float32 NCHW tensor data of shape [1, 3, input.height, input.width]. */
  tensor: Float32Array;
  letterbox: Letterbox;
}

/**
 * Turns encoded image bytes into the model's input: applies EXIF orientation, converts to
 * 3-channel sRGB, flattens alpha onto PAD_GREY, letterboxes into the input size and normalises
 * each channel with `(value - mean) / std` in the manifest's channel order.
 */
export async function preprocessImage(bytes: Uint8Array, input: ModelManifest['input']): Promise<PreprocessedImage> {
  const metadata = await readMetadata(bytes);
  const letterbox = computeLetterbox(metadata.autoOrient.width, metadata.autoOrient.height, input.width, input.height);

  let pixels: { data: Buffer; info: OutputInfo };
  try {
    pixels = await sharp(bytes)
      .rotate()
      .flatten({ background: PAD_GREY })
      // Bilinear resampling, like OpenCV's default INTER_LINEAR resize.
      .resize(letterbox.resizedWidth, letterbox.resizedHeight, { fit: 'fill', kernel: 'linear' })
      .extend({
        left: letterbox.padLeft,
        top: letterbox.padTop,
        right: input.width - letterbox.resizedWidth - letterbox.padLeft,
        bottom: input.height - letterbox.resizedHeight - letterbox.padTop,
        background: PAD_GREY,
      })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new ImageDecodeError(`Failed to decode the image: ${(error as Error).message}`, { cause: error });
  }

  const { width, height, channels } = pixels.info;
  if (width !== input.width || height !== input.height || channels !== RGB_CHANNELS) {
    throw new ImageDecodeError(`Preprocessing produced ${width}x${height}x${channels} pixels, expected ${input.width}x${input.height}x3`);
  }
  return { tensor: toNormalisedNchw(pixels.data, input), letterbox };
}

async function readMetadata(bytes: Uint8Array): Promise<Metadata> {
  try {
    const metadata = await sharp(bytes).metadata();
    if (!(metadata.autoOrient.width > 0 && metadata.autoOrient.height > 0)) {
      throw new Error('the image has no pixel dimensions');
    }
    return metadata;
  } catch (error) {
    throw new ImageDecodeError(`Failed to decode the image: ${(error as Error).message}`, { cause: error });
  }
}

/** Converts interleaved RGB bytes (HWC) into planar normalised floats (CHW) in the manifest's channel order. */
export function toNormalisedNchw(rgb: Uint8Array, input: ModelManifest['input']): Float32Array {
  const planeSize = input.width * input.height;
  const tensor = new Float32Array(RGB_CHANNELS * planeSize);
  // sourceChannel[c] is the RGB byte offset that feeds output plane c.
  const sourceChannel = input.channelOrder === 'BGR' ? [2, 1, 0] : [0, 1, 2];
  for (let plane = 0; plane < RGB_CHANNELS; plane += 1) {
    const source = sourceChannel[plane]!;
    const mean = input.mean[plane];
    const std = input.std[plane];
    const offset = plane * planeSize;
    for (let pixel = 0; pixel < planeSize; pixel += 1) {
      tensor[offset + pixel] = (rgb[pixel * RGB_CHANNELS + source]! - mean) / std;
    }
  }
  return tensor;
}
