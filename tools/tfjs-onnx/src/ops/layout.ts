import { intAttr, intsAttr, stringAttr, type IrAttribute } from '../ir/graph-ir.js';
import type { ConversionContext } from './conversion-context.js';

export const NHWC_TO_NCHW = [0, 3, 1, 2];
export const NCHW_TO_NHWC = [0, 2, 3, 1];

export type DataFormat = 'NHWC' | 'NCHW';

export function readDataFormat(context: ConversionContext): DataFormat {
  const format = context.attributes.string('data_format', 'NHWC');
  if (format !== 'NHWC' && format !== 'NCHW') {
    throw context.unsupported(`data_format ${format} is not supported`);
  }
  return format;
}

/** Picks the height and width entries of a 4-element TensorFlow list (strides, ksize, dilations). */
export function spatialPair(values: readonly number[], format: DataFormat): [number, number] {
  return format === 'NHWC' ? [values[1], values[2]] : [values[2], values[3]];
}

/**
 * Emits an NCHW ONNX op for a TensorFlow op in `format`. ONNX convolution and pooling are NCHW only,
 * so NHWC tensors are transposed in and out. The transpose pass later removes pairs that cancel.
 */
export function emitInNchw(
  context: ConversionContext,
  format: DataFormat,
  input: string,
  output: string,
  emit: (nchwInput: string, nchwOutput: string) => void,
): void {
  if (format === 'NCHW') {
    emit(input, output);
    return;
  }
  const nchwInput = context.freshName(`${context.node.name}/to_nchw`);
  const nchwOutput = context.freshName(`${context.node.name}/nchw`);
  context.addNode('Transpose', [input], [nchwInput], { perm: intsAttr(NHWC_TO_NCHW) });
  emit(nchwInput, nchwOutput);
  context.addNode('Transpose', [nchwOutput], [output], { perm: intsAttr(NCHW_TO_NHWC) });
}

/** Maps TensorFlow padding (VALID, SAME, EXPLICIT) to ONNX Conv and pooling attributes. */
export function paddingAttributes(context: ConversionContext, format: DataFormat): Record<string, IrAttribute> {
  const padding = context.attributes.string('padding');
  switch (padding) {
    case 'VALID':
      return { pads: intsAttr([0, 0, 0, 0]) };
    case 'SAME':
      // TensorFlow puts the odd extra padding row and column at the end, as ONNX SAME_UPPER does.
      return { auto_pad: stringAttr('SAME_UPPER') };
    case 'EXPLICIT': {
      const explicit = context.attributes.ints('explicit_paddings');
      const [heightAxis, widthAxis] = format === 'NHWC' ? [1, 2] : [2, 3];
      const top = explicit[heightAxis * 2];
      const bottom = explicit[heightAxis * 2 + 1];
      const left = explicit[widthAxis * 2];
      const right = explicit[widthAxis * 2 + 1];
      return { pads: intsAttr([top, left, bottom, right]) };
    }
    default:
      throw context.unsupported(`padding ${padding} is not supported`);
  }
}

export function groupAttribute(groups: number): Record<string, IrAttribute> {
  return groups === 1 ? {} : { group: intAttr(groups) };
}
