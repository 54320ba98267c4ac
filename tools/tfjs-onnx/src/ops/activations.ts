import { floatAttr } from '../ir/graph-ir.js';
import { createTensor } from '../tensor/host-tensor.js';
import type { OpConverter } from './conversion-context.js';

/** Maps a single-input TensorFlow op to the ONNX op of the same meaning. */
export function unaryConverter(onnxOp: string): OpConverter {
  return (context) => {
    context.addNode(onnxOp, [context.inputName(0)], [context.outputName(0)]);
  };
}

/** TensorFlow's LeakyRelu alpha defaults to 0.2. */
const TF_LEAKY_RELU_ALPHA = 0.2;

export const convertLeakyRelu: OpConverter = (context) => {
  const alpha = context.attributes.float('alpha', TF_LEAKY_RELU_ALPHA);
  context.addNode('LeakyRelu', [context.inputName(0)], [context.outputName(0)], { alpha: floatAttr(alpha) });
};

export const convertRelu6: OpConverter = (context) => {
  const min = context.addConstant(`${context.node.name}/min`, createTensor('float32', [], [0]));
  const max = context.addConstant(`${context.node.name}/max`, createTensor('float32', [], [6]));
  context.addNode('Clip', [context.inputName(0), min, max], [context.outputName(0)]);
};
