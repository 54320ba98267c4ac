import { InvalidModelError } from '../errors.js';
import { allocateData, elementCount, stridesOf, type HostTensor } from '../tensor/host-tensor.js';

/** Returns the numpy broadcast shape of two shapes, or throws when they are incompatible. */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const shape: number[] = [];
  for (let axis = 0; axis < rank; axis += 1) {
    const dimA = a[a.length - rank + axis] ?? 1;
    const dimB = b[b.length - rank + axis] ?? 1;
    if (dimA !== dimB && dimA !== 1 && dimB !== 1) {
      throw new InvalidModelError(`shapes [${a.join(',')}] and [${b.join(',')}] do not broadcast`);
    }
    shape.push(dimA === 1 ? dimB : dimA);
  }
  return shape;
}

/** Applies `operation` element by element with numpy broadcasting; the result takes the dtype of `a`. */
export function broadcastBinary(a: HostTensor, b: HostTensor, operation: (x: number, y: number) => number): HostTensor {
  const shape = broadcastShape(a.shape, b.shape);
  const out = allocateData(a.dtype, elementCount(shape));
  const stepsA = broadcastSteps(a.shape, shape);
  const stepsB = broadcastSteps(b.shape, shape);
  const index = new Array<number>(shape.length).fill(0);

  for (let offset = 0; offset < out.length; offset += 1) {
    let offsetA = 0;
    let offsetB = 0;
    for (let axis = 0; axis < shape.length; axis += 1) {
      offsetA += index[axis] * stepsA[axis];
      offsetB += index[axis] * stepsB[axis];
    }
    out[offset] = operation(a.data[offsetA], b.data[offsetB]);

    for (let axis = shape.length - 1; axis >= 0; axis -= 1) {
      index[axis] += 1;
      if (index[axis] < shape[axis]) {
        break;
      }
      index[axis] = 0;
    }
  }
  return { dtype: a.dtype, shape, data: out };
}

/** Strides of `shape` aligned to `target`, with 0 on broadcast axes so every index reads the one element. */
function broadcastSteps(shape: readonly number[], target: readonly number[]): number[] {
  const strides = stridesOf(shape);
  return target.map((_, axis) => {
    const sourceAxis = axis - (target.length - shape.length);
    if (sourceAxis < 0 || shape[sourceAxis] === 1) {
      return 0;
    }
    return strides[sourceAxis];
  });
}
