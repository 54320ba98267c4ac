import type { OpConverter } from './conversion-context.js';

/** Maps a two-input TensorFlow op; TensorFlow and ONNX both use numpy broadcasting. */
export function binaryConverter(onnxOp: string): OpConverter {
  return (context) => {
    context.addNode(onnxOp, [context.inputName(0), context.inputName(1)], [context.outputName(0)]);
  };
}
