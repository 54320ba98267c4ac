import { InvalidModelError } from '../errors.js';
import { elementCount, type HostTensor } from '../tensor/host-tensor.js';
import type { TfjsQuantization, TfjsWeightEntry, TfjsWeightsGroup } from '../tfjs/tfjs-model.types.js';
import { float16BitsToFloat32 } from './float16.js';

const BYTES_PER_ELEMENT: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  float16: 2,
  uint8: 1,
  uint16: 2,
};

/**
 * Decodes the weights of a graph model into constants keyed by weight name.
 * `weights` is the concatenation of every shard file, in manifest order, as TensorFlow.js lays them out.
 */
export function decodeWeights(manifest: readonly TfjsWeightsGroup[], weights: Uint8Array): Map<string, HostTensor> {
  const view = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
  const decoded = new Map<string, HostTensor>();
  let offset = 0;

  for (const entry of manifest.flatMap((group) => group.weights)) {
    const count = elementCount(entry.shape);
    const storedDtype = entry.quantization?.dtype ?? entry.dtype;
    const bytesPerElement = BYTES_PER_ELEMENT[storedDtype];
    if (bytesPerElement === undefined) {
      throw new InvalidModelError(`weight "${entry.name}" has unsupported dtype ${storedDtype}`);
    }
    const byteLength = count * bytesPerElement;
    if (offset + byteLength > weights.byteLength) {
      throw new InvalidModelError(
        `weights buffer too short: "${entry.name}" needs bytes ${offset}..${offset + byteLength}, buffer has ${weights.byteLength}`,
      );
    }

    decoded.set(entry.name, decodeEntry(entry, view, offset, count));
    offset += byteLength;
  }

  if (offset !== weights.byteLength) {
    throw new InvalidModelError(`weights buffer has ${weights.byteLength} bytes but the manifest describes ${offset}`);
  }
  return decoded;
}

function decodeEntry(entry: TfjsWeightEntry, view: DataView, offset: number, count: number): HostTensor {
  const shape = [...entry.shape];
  if (entry.quantization !== undefined) {
    return { dtype: entry.dtype === 'int32' ? 'int32' : 'float32', shape, data: dequantize(entry, entry.quantization, view, offset, count) };
  }

  switch (entry.dtype) {
    case 'float32': {
      const data = new Float32Array(count);
      for (let i = 0; i < count; i += 1) {
        data[i] = view.getFloat32(offset + i * 4, true);
      }
      return { dtype: 'float32', shape, data };
    }
    case 'int32': {
      const data = new Int32Array(count);
      for (let i = 0; i < count; i += 1) {
        data[i] = view.getInt32(offset + i * 4, true);
      }
      return { dtype: 'int32', shape, data };
    }
    case 'bool': {
      const data = new Uint8Array(count);
      for (let i = 0; i < count; i += 1) {
        data[i] = view.getUint8(offset + i) === 0 ? 0 : 1;
      }
      return { dtype: 'bool', shape, data };
    }
    default:
      throw new InvalidModelError(`weight "${entry.name}" has unsupported dtype ${entry.dtype}`);
  }
}

function dequantize(entry: TfjsWeightEntry, quantization: TfjsQuantization, view: DataView, offset: number, count: number): Float32Array | Int32Array {
  if (quantization.dtype === 'float16') {
    const bits = new Uint16Array(count);
    for (let i = 0; i < count; i += 1) {
      bits[i] = view.getUint16(offset + i * 2, true);
    }
    return float16BitsToFloat32(bits);
  }

  // Affine quantisation: value = stored * scale + min.
  const { scale, min } = quantization;
  if (scale === undefined || min === undefined) {
    throw new InvalidModelError(`weight "${entry.name}" is ${quantization.dtype}-quantised but lacks scale or min`);
  }
  const out = entry.dtype === 'int32' ? new Int32Array(count) : new Float32Array(count);
  for (let i = 0; i < count; i += 1) {
    const stored = quantization.dtype === 'uint8' ? view.getUint8(offset + i) : view.getUint16(offset + i * 2, true);
    const value = stored * scale + min;
    out[i] = entry.dtype === 'int32' ? Math.round(value) : value;
  }
  return out;
}
