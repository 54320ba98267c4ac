import { InvalidModelError } from '../errors.js';
import { hostDtypeOf } from '../folding/constant-folders.js';
import { allocateData, type HostTensor } from '../tensor/host-tensor.js';
import { NodeAttributes } from './node-attributes.js';
import type { TfjsNode } from './tfjs-model.types.js';

/**
 * Returns the value of every Const node, keyed by node name. The TensorFlow.js converter stores int64
 * constants as int32 weights, so each value is converted to the dtype the graph declares for it.
 */
export function loadConstants(nodes: readonly TfjsNode[], weights: ReadonlyMap<string, HostTensor>): Map<string, HostTensor> {
  const constants = new Map<string, HostTensor>();
  for (const node of nodes) {
    if (node.op !== 'Const') {
      continue;
    }
    const stored = weights.get(node.name);
    if (stored === undefined) {
      throw new InvalidModelError(`Const node "${node.name}" has no entry in the weights manifest`);
    }
    const declared = new NodeAttributes(node).type('dtype', 'DT_FLOAT');
    const dtype = hostDtypeOf(declared);
    if (dtype === undefined) {
      throw new InvalidModelError(`Const node "${node.name}" has unsupported dtype ${declared}`);
    }
    if (dtype === stored.dtype) {
      constants.set(node.name, stored);
      continue;
    }
    const data = allocateData(dtype, stored.data.length);
    data.set(stored.data);
    constants.set(node.name, { dtype, shape: stored.shape, data });
  }
  return constants;
}
