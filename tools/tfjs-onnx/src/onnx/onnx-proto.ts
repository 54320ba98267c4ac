// onnx-proto is a CommonJS bundle whose exports Node cannot detect statically, so take its default export.
import onnxProto from 'onnx-proto';

export const onnx = onnxProto.onnx;
export type { onnx as OnnxTypes } from 'onnx-proto';
