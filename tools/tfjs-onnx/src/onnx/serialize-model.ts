import type { GraphIr, IrAttribute, IrValueInfo } from '../ir/graph-ir.js';
import type { HostDataType, HostTensor } from '../tensor/host-tensor.js';
import { onnx, type OnnxTypes } from './onnx-proto.js';

/** ONNX IR version 8 is the newest that onnx-proto 8.0.1 describes and is valid with opset 18. */
export const ONNX_IR_VERSION = 8;
/** Opset 18: Split takes num_outputs and Shape takes start and end; onnxruntime 1.30 runs it. */
export const ONNX_OPSET = 18;

export interface ModelMetadata {
  producerName: string;
  producerVersion: string;
  docString?: string;
  metadata?: Record<string, string>;
}

const ONNX_DTYPES: Record<HostDataType, number> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  int32: onnx.TensorProto.DataType.INT32,
  int64: onnx.TensorProto.DataType.INT64,
  bool: onnx.TensorProto.DataType.BOOL,
};

/** Encodes the graph as an ONNX ModelProto. */
export function serializeModel(graph: GraphIr, metadata: ModelMetadata): Uint8Array {
  const model: OnnxTypes.IModelProto = {
    irVersion: ONNX_IR_VERSION,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    producerName: metadata.producerName,
    producerVersion: metadata.producerVersion,
    docString: metadata.docString,
    metadataProps: Object.entries(metadata.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: graph.name,
      node: graph.nodes.map((node) => ({
        name: node.name,
        opType: node.opType,
        domain: '',
        input: node.inputs,
        output: node.outputs,
        attribute: Object.entries(node.attributes).map(([name, attribute]) => toAttributeProto(name, attribute)),
      })),
      initializer: [...graph.initializers].map(([name, tensor]) => toTensorProto(name, tensor)),
      input: graph.inputs.map(toValueInfoProto),
      output: graph.outputs.map(toValueInfoProto),
    },
  };
  return onnx.ModelProto.encode(model).finish();
}

function toAttributeProto(name: string, attribute: IrAttribute): OnnxTypes.IAttributeProto {
  const types = onnx.AttributeProto.AttributeType;
  switch (attribute.type) {
    case 'int':
      return { name, type: types.INT, i: attribute.value };
    case 'ints':
      return { name, type: types.INTS, ints: attribute.value };
    case 'float':
      return { name, type: types.FLOAT, f: attribute.value };
    case 'floats':
      return { name, type: types.FLOATS, floats: attribute.value };
    case 'string':
      return { name, type: types.STRING, s: Buffer.from(attribute.value, 'utf8') };
  }
}

/** Writes tensor data as little-endian raw_data, which ONNX requires regardless of the host byte order. */
export function toTensorProto(name: string, tensor: HostTensor): OnnxTypes.ITensorProto {
  const count = tensor.data.length;
  let raw: Uint8Array;
  switch (tensor.dtype) {
    case 'float32': {
      raw = new Uint8Array(count * 4);
      const view = new DataView(raw.buffer);
      tensor.data.forEach((value, i) => view.setFloat32(i * 4, value, true));
      break;
    }
    case 'int32': {
      raw = new Uint8Array(count * 4);
      const view = new DataView(raw.buffer);
      tensor.data.forEach((value, i) => view.setInt32(i * 4, value, true));
      break;
    }
    case 'int64': {
      raw = new Uint8Array(count * 8);
      const view = new DataView(raw.buffer);
      tensor.data.forEach((value, i) => view.setBigInt64(i * 8, BigInt(value), true));
      break;
    }
    case 'bool':
      raw = Uint8Array.from(tensor.data, (value) => (value === 0 ? 0 : 1));
      break;
  }
  return { name, dataType: ONNX_DTYPES[tensor.dtype], dims: tensor.shape, rawData: raw };
}

function toValueInfoProto(info: IrValueInfo): OnnxTypes.IValueInfoProto {
  const dims = info.shape?.map((dim): OnnxTypes.TensorShapeProto.IDimension =>
    typeof dim === 'string' ? { dimParam: dim } : dim >= 0 ? { dimValue: dim } : {},
  );
  return {
    name: info.name,
    type: {
      tensorType: {
        elemType: ONNX_DTYPES[info.dtype],
        shape: dims === undefined ? undefined : { dim: dims },
      },
    },
  };
}
