import { intAttr, intsAttr, type IrAttribute } from '../ir/graph-ir.js';
import { createTensor, toNumbers } from '../tensor/host-tensor.js';
import type { OpConverter } from './conversion-context.js';

/** TensorProto.DataType.INT64, the type ONNX Reshape requires for its shape input. */
const ONNX_INT64 = 7;

export const convertTranspose: OpConverter = (context) => {
  const perm = toNumbers(context.constantInput(1));
  context.addNode('Transpose', [context.inputName(0)], [context.outputName(0)], { perm: intsAttr(perm) });
};

/**
 * TensorFlow reads a 0 in the target shape as an empty axis, while ONNX copies the input size
 * unless allowzero is set, so allowzero is set whenever the shape contains a 0.
 */
export const convertReshape: OpConverter = (context) => {
  if (!context.isConstantInput(1)) {
    const shape64 = context.freshName(`${context.node.name}/shape_int64`);
    context.addNode('Cast', [context.inputName(1)], [shape64], { to: intAttr(ONNX_INT64) });
    context.addNode('Reshape', [context.inputName(0), shape64], [context.outputName(0)]);
    return;
  }
  const shape = toNumbers(context.constantInput(1));
  const shapeName = context.addConstant(`${context.node.name}/shape`, createTensor('int64', [shape.length], shape));
  const attributes: Record<string, IrAttribute> = shape.includes(0) ? { allowzero: intAttr(1) } : {};
  context.addNode('Reshape', [context.inputName(0), shapeName], [context.outputName(0)], attributes);
};

export const convertIdentity: OpConverter = (context) => {
  context.addNode('Identity', [context.inputName(0)], [context.outputName(0)]);
};
