// Jest runs each test file in its own VM context with its own typed-array classes, but
// onnxruntime-node returns output tensors built by the native addon in Node's main context, and
// onnxruntime-common rejects them because `data instanceof Float32Array` fails across contexts.
// This environment hands the main context's typed-array classes to the test context.
const { TestEnvironment } = require('jest-environment-node');

const TYPED_ARRAYS = [
  'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Uint8ClampedArray',
];

class OnnxRuntimeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of TYPED_ARRAYS) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = OnnxRuntimeEnvironment;
