import { convertLeakyRelu, convertRelu6, unaryConverter } from './activations.js';
import { convertConcatV2, convertSplit, convertSplitV } from './concat-split.js';
import type { OpConverter } from './conversion-context.js';
import { convertConv2D, convertDepthwiseConv2D } from './convolution.js';
import { binaryConverter } from './elementwise.js';
import { convertPad } from './padding.js';
import { convertAvgPool, convertMaxPool } from './pooling.js';
import { convertResizeBilinear } from './resize.js';
import { convertIdentity, convertReshape, convertTranspose } from './shape-ops.js';

/** Converters keyed by TensorFlow op name. Const and Placeholder are handled by the graph converter itself. */
export const OP_CONVERTERS: ReadonlyMap<string, OpConverter> = new Map<string, OpConverter>([
  ['Conv2D', convertConv2D],
  ['DepthwiseConv2dNative', convertDepthwiseConv2D],
  ['MaxPool', convertMaxPool],
  ['AvgPool', convertAvgPool],
  ['Pad', convertPad],
  ['PadV2', convertPad],
  ['LeakyRelu', convertLeakyRelu],
  ['Relu', unaryConverter('Relu')],
  ['Relu6', convertRelu6],
  ['Sigmoid', unaryConverter('Sigmoid')],
  ['Tanh', unaryConverter('Tanh')],
  ['Add', binaryConverter('Add')],
  ['AddV2', binaryConverter('Add')],
  ['Sub', binaryConverter('Sub')],
  ['Mul', binaryConverter('Mul')],
  ['RealDiv', binaryConverter('Div')],
  ['ConcatV2', convertConcatV2],
  ['SplitV', convertSplitV],
  ['Split', convertSplit],
  ['ResizeBilinear', convertResizeBilinear],
  ['Reshape', convertReshape],
  ['Transpose', convertTranspose],
  ['Identity', convertIdentity],
]);
