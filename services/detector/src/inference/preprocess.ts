import sharp, { type Metadata, type OutputInfo, type Sharp, type SharpOptions } from 'sharp';
import type { ModelManifest } from '../model/model-manifest.js';
import { computeLetterbox, type Letterbox } from './letterbox.js';

/** Grey used for transparent pixels and for the letterbox padding, as in YOLO-style letterboxing. */
export const PAD_GREY = { r: 114, g: 114, b: 114 } as const;

const RGB_CHANNELS = 3;

/**
 * Maximum upright width x height that preprocessImage decodes when the caller sets no maxPixels.
 * It matches the ingest service's default MAX_IMAGE_PIXELS, so an image that ingest accepted also decodes here.
 */
export const DEFAULT_MAX_INPUT_PIXELS = 40_000_000;

export interface PreprocessOptions {
  /** Maximum width x height of the upright first frame; DEFAULT_MAX_INPUT_PIXELS when absent. */
  maxPixels?: number;
}

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
 * each channel with `(value - mean) / std` in the manifest's channel order. Only the first frame
 * of an animated GIF or WebP is decoded.
 * @throws ImageDecodeError for bytes that are not a decodable image, for HEIC (HEVC) images and
 *   for images over `options.maxPixels`, the last two before any pixel is decoded
 */
export async function preprocessImage(
  bytes: Uint8Array,
  input: ModelManifest['input'],
  options: PreprocessOptions = {},
): Promise<PreprocessedImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  const metadata = await readMetadata(bytes);
  assertDecodable(metadata, maxPixels);
  const letterbox = computeLetterbox(metadata.autoOrient.width, metadata.autoOrient.height, input.width, input.height);

  // failOn 'error' matches the ingest service's decode check: it rejects truncated and corrupt
  // data but tolerates the warnings many camera files raise. `pages: 1` decodes only the first
  // frame of an animation.
  const decodeOptions: SharpOptions = { limitInputPixels: maxPixels, failOn: 'error', pages: 1 };
  let pixels: { data: Buffer; info: OutputInfo };
  try {
    const upright = await openUpright(bytes, decodeOptions, metadata, letterbox);
    pixels = await upright
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

/**
 * Starts a pipeline on the upright image. sharp applies an EXIF flip after the resize, and an
 * enlargement shifts the picture by half an output pixel (measured with sharp 0.35.6, libvips
 * 8.18.8). An enlarged flipped image would therefore land one input pixel away from the same
 * picture stored upright. An image to be enlarged is therefore turned upright into 8-bit sRGB pixels
 * first. Such an image fits the model input, so the copy is small. Reductions were measured
 * symmetric, so they keep sharp's single pipeline with its shrink-on-load.
 *
 * NOTE: the half-pixel shift itself remains on every enlarged image, so its boxes sit up to
 * 0.5 / scale original pixels right of and below the objects.
 */
async function openUpright(bytes: Uint8Array, decodeOptions: SharpOptions, metadata: Metadata, letterbox: Letterbox): Promise<Sharp> {
  const oriented = (metadata.orientation ?? 1) > 1;
  if (!oriented || letterbox.scale <= 1) {
    return sharp(bytes, decodeOptions).rotate();
  }
  const { data, info } = await sharp(bytes, decodeOptions)
    .rotate()
    .flatten({ background: PAD_GREY })
    .toColourspace('srgb')
    .removeAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: RGB_CHANNELS } });
}

async function readMetadata(bytes: Uint8Array): Promise<Metadata> {
  try {
    // metadata() parses the header only, so the pixel limit is checked by assertDecodable instead.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!(metadata.autoOrient.width > 0 && metadata.autoOrient.height > 0)) {
      throw new Error('the image has no pixel dimensions');
    }
    return metadata;
  } catch (error) {
    throw new ImageDecodeError(`Failed to decode the image: ${(error as Error).message}`, { cause: error });
  }
}

/** Rejects, from the header alone, images that would fail or cost too much to decode. */
function assertDecodable(metadata: Metadata, maxPixels: number): void {
  // The libvips inside sharp 0.35 reads HEIF headers but has no HEVC decoder, only AV1 (AVIF).
  if (metadata.format === 'heif' && metadata.compression !== 'av1') {
    throw new ImageDecodeError(`Failed to decode the image: HEIC (${metadata.compression ?? 'unknown'} compression) cannot be decoded here`);
  }
  const { width, height } = metadata.autoOrient;
  if (width * height > maxPixels) {
    throw new ImageDecodeError(
      `Failed to decode the image: it is ${width} x ${height} pixels, over the limit of ${maxPixels} pixels`,
    );
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
