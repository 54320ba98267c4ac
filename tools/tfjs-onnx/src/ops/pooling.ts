import { intAttr, intsAttr, type IrAttribute } from '../ir/graph-ir.js';
import type { OpConverter } from './conversion-context.js';
import { emitInNchw, paddingAttributes, readDataFormat, spatialPair } from './layout.js';

function poolingConverter(onnxOp: 'MaxPool' | 'AveragePool'): OpConverter {
  return (context) => {
    const format = readDataFormat(context);
    const kernel = spatialPair(context.attributes.ints('ksize'), format);
    const strides = spatialPair(context.attributes.ints('strides'), format);
    // TensorFlow AvgPool divides by the number of real (unpadded) inputs in each window.
    const extra: Record<string, IrAttribute> = onnxOp === 'AveragePool' ? { count_include_pad: intAttr(0) } : {};

    emitInNchw(context, format, context.inputName(0), context.outputName(0), (input, output) => {
      context.addNode(onnxOp, [input], [output], {
        kernel_shape: intsAttr(kernel),
        strides: intsAttr(strides),
        ...paddingAttributes(context, format),
        ...extra,
      });
    });
  };
}

export const convertMaxPool = poolingConverter('MaxPool');
export const convertAvgPool = poolingConverter('AveragePool');
