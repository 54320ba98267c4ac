import { stringAttr } from '../ir/graph-ir.js';
import { createTensor, toNumbers } from '../tensor/host-tensor.js';
import type { OpConverter } from './conversion-context.js';

/** Converts Pad and PadV2. TensorFlow paddings are [rank, 2] pairs; ONNX wants all begins, then all ends. */
export const convertPad: OpConverter = (context) => {
  const paddings = context.constantInput(1);
  const rank = paddings.shape[0];
  if (paddings.shape.length !== 2 || paddings.shape[1] !== 2) {
    throw context.unsupported(`expected paddings of shape [rank, 2], got [${paddings.shape.join(',')}]`);
  }
  const pairs = toNumbers(paddings);
  const begins = Array.from({ length: rank }, (_, axis) => pairs[axis * 2]);
  const ends = Array.from({ length: rank }, (_, axis) => pairs[axis * 2 + 1]);
  const padsName = context.addConstant(`${context.node.name}/pads`, createTensor('int64', [rank * 2], [...begins, ...ends]));

  const inputs = [context.inputName(0), padsName];
  if (context.node.op === 'PadV2') {
    inputs.push(context.inputName(2));
  }
  context.addNode('Pad', inputs, [context.outputName(0)], { mode: stringAttr('constant') });
};
