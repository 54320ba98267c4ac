import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// onnx-proto is a CommonJS bundle whose exports Node cannot detect statically, so take its default export.
import onnxProto from 'onnx-proto';
import { createLogger } from '@lookout/runtime';
import { MANIFEST_FILE, MODEL_FILE, parseModelManifest, type ModelManifest, type ModelManifestFile } from '../../src/model/model-manifest.js';
import { OnnxSessionAdapter } from '../../src/model/onnx-session.adapter.js';

const { onnx } = onnxProto;
type Dims = ReadonlyArray<number | string>;

export interface ConstantOutput {
  name: string;
  dims: number[];
  data: ArrayLike<number>;
}

export interface ReshapedOutput {
  name: string;
  /** Target shape of a Reshape of the input; 0 copies the input's dimension. */
  shape: number[];
}

export interface TinyModelSpec {
  input: { name: string; dims: Dims };
  constants?: ConstantOutput[];
  reshaped?: ReshapedOutput[];
  /** Outputs [B] holding the largest input value of each image. */
  maxPerImage?: string[];
}

/**
 * Builds an ONNX model (opset 18) whose outputs are fixed tensors (Constant nodes), reshapes of its
 * float32 input or the largest input value per image, so a test can predict every value the session returns.
 */
export function buildTinyModel(spec: TinyModelSpec): Uint8Array {
  const nodes: onnxProto.onnx.INodeProto[] = [];
  const initializers: onnxProto.onnx.ITensorProto[] = [];
  const outputs: onnxProto.onnx.IValueInfoProto[] = [];

  for (const constant of spec.constants ?? []) {
    nodes.push({
      opType: 'Constant',
      output: [constant.name],
      attribute: [{ name: 'value', type: onnx.AttributeProto.AttributeType.TENSOR, t: floatTensor(`${constant.name}_value`, constant.dims, constant.data) }],
    });
    outputs.push(valueInfo(constant.name, constant.dims));
  }
  for (const reshaped of spec.reshaped ?? []) {
    const shapeName = `${reshaped.name}_shape`;
    initializers.push({ name: shapeName, dataType: onnx.TensorProto.DataType.INT64, dims: [reshaped.shape.length], int64Data: reshaped.shape });
    nodes.push({ opType: 'Reshape', input: [spec.input.name, shapeName], output: [reshaped.name] });
    outputs.push({ name: reshaped.name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } });
  }
  for (const name of spec.maxPerImage ?? []) {
    const axesName = `${name}_axes`;
    const axes = spec.input.dims.map((_, axis) => axis).slice(1);
    initializers.push({ name: axesName, dataType: onnx.TensorProto.DataType.INT64, dims: [axes.length], int64Data: axes });
    nodes.push({ opType: 'ReduceMax', input: [spec.input.name, axesName], output: [name], attribute: [{ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] });
    outputs.push({ name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT } } });
  }

  return onnx.ModelProto.encode({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 18 }],
    producerName: 'lookout-detector-test',
    graph: { name: 'tiny', node: nodes, initializer: initializers, input: [valueInfo(spec.input.name, spec.input.dims)], output: outputs },
  }).finish();
}

function floatTensor(name: string, dims: number[], data: ArrayLike<number>): onnxProto.onnx.ITensorProto {
  return { name, dataType: onnx.TensorProto.DataType.FLOAT, dims, floatData: Array.from(data) };
}

function valueInfo(name: string, dims: Dims): onnxProto.onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) },
      },
    },
  };
}

export interface TinyModel {
  dir: string;
  manifest: ModelManifest;
  session: OnnxSessionAdapter;
  dispose(): Promise<void>;
}

/** Writes the model and its manifest to a temporary model folder and opens it with the real session adapter. */
export async function openTinyModel(spec: TinyModelSpec, manifestFile: ModelManifestFile): Promise<TinyModel> {
  const dir = await mkdtemp(join(tmpdir(), 'detector-tiny-model-'));
  try {
    await writeFile(join(dir, MODEL_FILE), buildTinyModel(spec));
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifestFile));
    const manifest = parseModelManifest(manifestFile, 'tiny model');
    const session = await OnnxSessionAdapter.create({
      modelPath: join(dir, manifest.file),
      manifest,
      device: 'cpu',
      intraOpThreads: 1,
      logger: createLogger('detector-test', 'silent'),
    });
    return {
      dir,
      manifest,
      session,
      async dispose() {
        await session.release();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
