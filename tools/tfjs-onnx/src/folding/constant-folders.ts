import { allocateData, type HostDataType, type HostTensor } from '../tensor/host-tensor.js';
import type { NodeAttributes } from '../tfjs/node-attributes.js';
import { broadcastBinary } from './broadcast.js';
import { sparseToDense } from './sparse-to-dense.js';

/** Computes the outputs of a node whose inputs are all constants. */
export type ConstantFolder = (inputs: HostTensor[], attributes: NodeAttributes) => HostTensor[];

const TF_DTYPES: Record<string, HostDataType> = {
  DT_FLOAT: 'float32',
  DT_INT32: 'int32',
  DT_INT64: 'int64',
  DT_BOOL: 'bool',
};

export function hostDtypeOf(tfDtype: string): HostDataType | undefined {
  return TF_DTYPES[tfDtype];
}

function binaryFolder(operation: (x: number, y: number) => number): ConstantFolder {
  return ([a, b]) => {
    const result = broadcastBinary(a, b, operation);
    if (result.dtype === 'int32' || result.dtype === 'int64') {
      result.data.forEach((value, i) => (result.data[i] = Math.trunc(value)));
    }
    return [result];
  };
}

function castValue(value: number, target: HostDataType): number {
  if (target === 'float32') {
    return value;
  }
  if (target === 'bool') {
    return value === 0 ? 0 : 1;
  }
  return Math.trunc(value);
}

const castFolder: ConstantFolder = ([input], attributes) => {
  const target = hostDtypeOf(attributes.type('DstT'));
  if (target === undefined) {
    throw new Error(`Cast to ${attributes.type('DstT')} cannot be folded`);
  }
  const data = allocateData(target, input.data.length);
  input.data.forEach((value, i) => (data[i] = castValue(value, target)));
  return [{ dtype: target, shape: [...input.shape], data }];
};

/**
 * Ops evaluated at import time when every input is constant. SparseToDense has no ONNX counterpart,
 * and the integer arithmetic around it feeds Reshape shapes, so folding removes both.
 */
export const CONSTANT_FOLDERS: ReadonlyMap<string, ConstantFolder> = new Map<string, ConstantFolder>([
  ['SparseToDense', ([indices, shape, values, defaultValue]) => [sparseToDense(indices, shape, values, defaultValue)]],
  ['Add', binaryFolder((x, y) => x + y)],
  ['AddV2', binaryFolder((x, y) => x + y)],
  ['Sub', binaryFolder((x, y) => x - y)],
  ['Mul', binaryFolder((x, y) => x * y)],
  ['Identity', ([input]) => [input]],
  ['Cast', castFolder],
]);
