import type { BoxCorners } from '../../src/inference/box.js';
import type { ModelManifest } from '../../src/model/model-manifest.js';

type ModelInputSpec = Pick<ModelManifest['input'], 'width' | 'height' | 'channelOrder' | 'mean' | 'std'>;
export type RgbValue = [number, number, number];

/**
 * Returns the colour the normalised NCHW tensor contains at (x, y) of the model input, undoing
 * `(value - mean) / std` and the channel order, as [r, g, b] in 8-bit units.
 */
export function rgbAt(tensor: Float32Array, input: ModelInputSpec, x: number, y: number): RgbValue {
  const plane = input.width * input.height;
  const index = y * input.width + x;
  const planes = [0, 1, 2].map((channel) => tensor[channel * plane + index]! * input.std[channel]! + input.mean[channel]!);
  return input.channelOrder === 'BGR' ? [planes[2]!, planes[1]!, planes[0]!] : [planes[0]!, planes[1]!, planes[2]!];
}

/** Largest difference of one channel between two colours. */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((value, channel) => Math.abs(value - b[channel]!)));
}

/** Largest difference of one channel between two tensors of the same input, in 8-bit units. */
export function maxTensorDistance(a: Float32Array, b: Float32Array, input: ModelInputSpec): number {
  const plane = input.width * input.height;
  let largest = 0;
  for (let channel = 0; channel < 3; channel += 1) {
    let planeLargest = 0;
    for (let index = channel * plane; index < (channel + 1) * plane; index += 1) {
      const difference = Math.abs(a[index]! - b[index]!);
      if (difference > planeLargest) {
        planeLargest = difference;
      }
    }
    largest = Math.max(largest, planeLargest * input.std[channel]!);
  }
  return largest;
}

/**
 * Returns the bounding box of the pixels whose colour lies within `tolerance` of `colour`, or
 * null when none does. The box is in model-input pixels, with exclusive right and bottom edges.
 * Only pixels inside `area` count, the whole input when it is absent.
 */
export function colourRegion(
  tensor: Float32Array,
  input: ModelInputSpec,
  colour: readonly number[],
  tolerance: number,
  area: BoxCorners = { x1: 0, y1: 0, x2: input.width, y2: input.height },
): BoxCorners | null {
  let region: BoxCorners | null = null;
  for (let y = area.y1; y < area.y2; y += 1) {
    for (let x = area.x1; x < area.x2; x += 1) {
      if (!withinTolerance(tensor, input, x, y, colour, tolerance)) {
        continue;
      }
      region = region ?? { x1: x, y1: y, x2: x + 1, y2: y + 1 };
      region.x1 = Math.min(region.x1, x);
      region.y1 = Math.min(region.y1, y);
      region.x2 = Math.max(region.x2, x + 1);
      region.y2 = Math.max(region.y2, y + 1);
    }
  }
  return region;
}

/** colourDistance(rgbAt(...), colour) <= tolerance without allocating, because colourRegion runs it for every pixel. */
function withinTolerance(tensor: Float32Array, input: ModelInputSpec, x: number, y: number, colour: readonly number[], tolerance: number): boolean {
  const plane = input.width * input.height;
  const index = y * input.width + x;
  for (let channel = 0; channel < 3; channel += 1) {
    const value = tensor[channel * plane + index]! * input.std[channel]! + input.mean[channel]!;
    const rgbChannel = input.channelOrder === 'BGR' ? 2 - channel : channel;
    if (Math.abs(value - colour[rgbChannel]!) > tolerance) {
      return false;
    }
  }
  return true;
}

/** Number of colour planes the tensor holds for the input. */
export function planeCount(tensor: Float32Array, input: ModelInputSpec): number {
  return tensor.length / (input.width * input.height);
}
