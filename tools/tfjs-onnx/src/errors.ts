/** Raised when the model JSON or weights do not match the TensorFlow.js graph-model format. */
export class InvalidModelError extends Error {
  override readonly name = 'InvalidModelError';
}

/** Raised when the graph uses an op, or an op variant, that the importer cannot express in ONNX. */
export class UnsupportedOpError extends Error {
  override readonly name = 'UnsupportedOpError';

  constructor(
    message: string,
    readonly ops: readonly string[],
  ) {
    super(message);
  }

  static forNode(op: string, nodeName: string, detail: string): UnsupportedOpError {
    return new UnsupportedOpError(`${op} node "${nodeName}": ${detail}`, [op]);
  }
}
