import type { ModelInput } from '../model/model-manifest.js';
import type { Letterbox } from './letterbox.js';
import { preprocessImage } from './preprocess.js';

const CHANNELS = 3;
/**
 * A stretched input is cut from a letterbox this many times the model's size, so the resample to the
 * model's size shrinks both axes for aspect ratios up to this factor instead of enlarging one.
 */
const STRETCH_OVERSAMPLING = 2;

export interface ModelInputTensor {
  /** Float32 data of one image in the model's layout, [3, H, W] or [H, W, 3]. */
  tensor: Float32Array;
  /** Placement of the upright original inside the model input, for mapping boxes back to it. */
  frame: Letterbox;
}

/**
 * Decodes and normalises one image for the model: preprocessImage does the decoding, orientation,
 * letterboxing and the per-channel `(value - mean) / std` in NCHW. This adds the manifest's scale,
 * the stretch resize and the NHWC layout on top of it.
 */
export async function prepareModelInput(bytes: Uint8Array, input: ModelInput): Promise<ModelInputTensor> {
  // (pixel * scale - mean) / std equals (pixel - mean / scale) / (std / scale).
  const normalisation = input.scale === 1 ? input : { ...input, mean: divide(input.mean, input.scale), std: divide(input.std, input.scale) };

  let planar: Float32Array;
  let frame: Letterbox;
  if (input.resize === 'letterbox') {
    const { tensor, letterbox } = await preprocessImage(bytes, normalisation);
    planar = tensor;
    frame = letterbox;
  } else {
    const sourceWidth = input.width * STRETCH_OVERSAMPLING;
    const sourceHeight = input.height * STRETCH_OVERSAMPLING;
    const { tensor, letterbox } = await preprocessImage(bytes, { ...normalisation, width: sourceWidth, height: sourceHeight });
    planar = resampleContent(tensor, sourceWidth, sourceHeight, letterbox, input.width, input.height);
    frame = {
      scale: input.width / letterbox.originalWidth,
      padLeft: 0,
      padTop: 0,
      resizedWidth: input.width,
      resizedHeight: input.height,
      originalWidth: letterbox.originalWidth,
      originalHeight: letterbox.originalHeight,
    };
  }

  return { tensor: input.layout === 'NHWC' ? planarToInterleaved(planar, input.width * input.height) : planar, frame };
}

function divide(values: readonly [number, number, number], divisor: number): [number, number, number] {
  return [values[0] / divisor, values[1] / divisor, values[2] / divisor];
}

/**
 * Resizes the letterbox's content region (the image without its padding) of each plane to
 * `width` x `height` with bilinear interpolation at pixel centres.
 */
export function resampleContent(planar: Float32Array, sourceWidth: number, sourceHeight: number, region: Letterbox, width: number, height: number): Float32Array {
  const sourcePlane = sourceWidth * sourceHeight;
  const plane = width * height;
  const output = new Float32Array(CHANNELS * plane);
  const scaleX = region.resizedWidth / width;
  const scaleY = region.resizedHeight / height;

  for (let y = 0; y < height; y += 1) {
    const sourceY = clamp((y + 0.5) * scaleY - 0.5, 0, region.resizedHeight - 1);
    const top = Math.floor(sourceY);
    const bottom = Math.min(top + 1, region.resizedHeight - 1);
    const weightY = sourceY - top;
    for (let x = 0; x < width; x += 1) {
      const sourceX = clamp((x + 0.5) * scaleX - 0.5, 0, region.resizedWidth - 1);
      const left = Math.floor(sourceX);
      const right = Math.min(left + 1, region.resizedWidth - 1);
      const weightX = sourceX - left;
      const rowTop = (region.padTop + top) * sourceWidth + region.padLeft;
      const rowBottom = (region.padTop + bottom) * sourceWidth + region.padLeft;
      for (let channel = 0; channel < CHANNELS; channel += 1) {
        const base = channel * sourcePlane;
        const upper = planar[base + rowTop + left]! * (1 - weightX) + planar[base + rowTop + right]! * weightX;
        const lower = planar[base + rowBottom + left]! * (1 - weightX) + planar[base + rowBottom + right]! * weightX;
        output[channel * plane + y * width + x] = upper * (1 - weightY) + lower * weightY;
      }
    }
  }
  return output;
}

/** Converts [3, H, W] planes into interleaved [H, W, 3] pixels. */
export function planarToInterleaved(planar: Float32Array, pixels: number): Float32Array {
  const interleaved = new Float32Array(planar.length);
  for (let pixel = 0; pixel < pixels; pixel += 1) {
    for (let channel = 0; channel < CHANNELS; channel += 1) {
      interleaved[pixel * CHANNELS + channel] = planar[channel * pixels + pixel]!;
    }
  }
  return interleaved;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
