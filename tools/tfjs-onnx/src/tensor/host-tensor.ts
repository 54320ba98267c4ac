import { InvalidModelError } from '../errors.js';

/** Element types the importer can hold as constants. */
export type HostDataType = 'float32' | 'int32' | 'int64' | 'bool';

export type HostData = Float32Array | Int32Array | Float64Array | Uint8Array;

/**
 * A constant tensor held in memory during import.
 * int64 values live in a Float64Array, so they are exact only up to 2^53, which covers shapes and indices.
 */
export interface HostTensor {
  dtype: HostDataType;
  shape: number[];
  data: HostData;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((count, dim) => count * dim, 1);
}

export function allocateData(dtype: HostDataType, size: number): HostData {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size);
    case 'int32':
      return new Int32Array(size);
    case 'int64':
      return new Float64Array(size);
    case 'bool':
      return new Uint8Array(size);
  }
}

export function createTensor(dtype: HostDataType, shape: number[], values: ArrayLike<number>): HostTensor {
  if (values.length !== elementCount(shape)) {
    throw new InvalidModelError(`tensor of shape [${shape.join(',')}] needs ${elementCount(shape)} values, got ${values.length}`);
  }
  const data = allocateData(dtype, values.length);
  data.set(values);
  return { dtype, shape: [...shape], data };
}

/** Returns the row-major strides of a shape, in elements. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let axis = shape.length - 2; axis >= 0; axis -= 1) {
    strides[axis] = strides[axis + 1] * shape[axis + 1];
  }
  return strides;
}

/** Permutes the axes of a tensor like numpy.transpose: output axis k is input axis perm[k]. */
export function transposeTensor(tensor: HostTensor, perm: readonly number[]): HostTensor {
  if (perm.length !== tensor.shape.length) {
    throw new InvalidModelError(`permutation [${perm.join(',')}] does not match rank ${tensor.shape.length}`);
  }
  const outShape = perm.map((axis) => tensor.shape[axis]);
  const inStrides = stridesOf(tensor.shape);
  const stepPerOutAxis = perm.map((axis) => inStrides[axis]);
  const out = allocateData(tensor.dtype, tensor.data.length);
  const index = new Array<number>(outShape.length).fill(0);

  for (let outOffset = 0; outOffset < out.length; outOffset += 1) {
    let inOffset = 0;
    for (let axis = 0; axis < index.length; axis += 1) {
      inOffset += index[axis] * stepPerOutAxis[axis];
    }
    out[outOffset] = tensor.data[inOffset];

    for (let axis = index.length - 1; axis >= 0; axis -= 1) {
      index[axis] += 1;
      if (index[axis] < outShape[axis]) {
        break;
      }
      index[axis] = 0;
    }
  }
  return { dtype: tensor.dtype, shape: outShape, data: out };
}

/** Returns the values as plain numbers, e.g. to read a shape or a permutation. */
export function toNumbers(tensor: HostTensor): number[] {
  return Array.from(tensor.data);
}
