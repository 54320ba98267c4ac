import { onnx } from '../onnx/onnx-proto.js';

/** Returns the op types of an ONNX model's nodes in graph order. */
export function onnxOpTypes(onnxBytes: Uint8Array): string[] {
  return (onnx.ModelProto.decode(onnxBytes).graph?.node ?? []).map((node) => node.opType ?? '');
}
