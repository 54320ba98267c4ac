import { intsAttr } from '../ir/graph-ir.js';
import { transposeTensor, type HostTensor } from '../tensor/host-tensor.js';
import type { ConversionContext, OpConverter } from './conversion-context.js';
import { emitInNchw, groupAttribute, paddingAttributes, readDataFormat, spatialPair } from './layout.js';

/** TensorFlow kernels are [height, width, in, out]; ONNX wants [out, in, height, width]. */
const HWIO_TO_OIHW = [3, 2, 0, 1];

function constantKernel(context: ConversionContext): HostTensor {
  if (!context.isConstantInput(1)) {
    throw context.unsupported('the filter must be a constant');
  }
  const kernel = context.constantInput(1);
  if (kernel.shape.length !== 4) {
    throw context.unsupported(`expected a 4-D filter, got shape [${kernel.shape.join(',')}]`);
  }
  return kernel;
}

function emitConv(context: ConversionContext, weights: HostTensor, groups: number): void {
  const format = readDataFormat(context);
  const [kernelHeight, kernelWidth] = [weights.shape[2], weights.shape[3]];
  const weightsName = context.addConstant(`${context.node.name}/weights`, weights);

  emitInNchw(context, format, context.inputName(0), context.outputName(0), (input, output) => {
    context.addNode('Conv', [input, weightsName], [output], {
      kernel_shape: intsAttr([kernelHeight, kernelWidth]),
      strides: intsAttr(spatialPair(context.attributes.ints('strides'), format)),
      dilations: intsAttr(spatialPair(context.attributes.ints('dilations', [1, 1, 1, 1]), format)),
      ...paddingAttributes(context, format),
      ...groupAttribute(groups),
    });
  });
}

export const convertConv2D: OpConverter = (context) => {
  const kernel = constantKernel(context);
  emitConv(context, transposeTensor(kernel, HWIO_TO_OIHW), 1);
};

/**
 * DepthwiseConv2dNative filters are [height, width, in, multiplier] and output channel c * multiplier + m
 * reads input channel c, which is ONNX grouped convolution with one group per input channel.
 */
export const convertDepthwiseConv2D: OpConverter = (context) => {
  const kernel = constantKernel(context);
  const [height, width, inChannels, multiplier] = kernel.shape;
  const oihw = transposeTensor(kernel, [2, 3, 0, 1]);
  oihw.shape = [inChannels * multiplier, 1, height, width];
  emitConv(context, oihw, inChannels);
};
