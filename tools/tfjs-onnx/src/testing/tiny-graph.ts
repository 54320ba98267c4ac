import * as ort from 'onnxruntime-node';
import { convertGraphModel, type ConvertOptions } from '../convert-graph-model.js';
import type { TfjsAttrValue, TfjsGraphModelJson, TfjsNode, TfjsWeightEntry } from '../tfjs/tfjs-model.types.js';

/** Attribute value helpers in the protobuf JSON form that model.json uses. */
export const attr = {
  s: (value: string): TfjsAttrValue => ({ s: Buffer.from(value, 'utf8').toString('base64') }),
  i: (value: number): TfjsAttrValue => ({ i: String(value) }),
  f: (value: number): TfjsAttrValue => ({ f: value }),
  b: (value: boolean): TfjsAttrValue => ({ b: value }),
  ints: (values: number[]): TfjsAttrValue => ({ list: { i: values.map(String) } }),
  type: (value: string): TfjsAttrValue => ({ type: value }),
};

/** Builds a small TensorFlow.js graph model and its weights buffer in memory, for converter tests. */
export class TinyGraph {
  private readonly nodes: TfjsNode[] = [];
  private readonly entries: TfjsWeightEntry[] = [];
  private readonly chunks: Buffer[] = [];
  private readonly outputs: Record<string, { name: string; dtype: string }> = {};

  placeholder(name: string, shape: number[]): this {
    this.nodes.push({
      name,
      op: 'Placeholder',
      attr: { dtype: attr.type('DT_FLOAT'), shape: { shape: { dim: shape.map((size) => ({ size: String(size) })) } } },
    });
    return this;
  }

  floatConst(name: string, shape: number[], values: number[]): this {
    const chunk = Buffer.alloc(values.length * 4);
    values.forEach((value, i) => chunk.writeFloatLE(value, i * 4));
    return this.addConst(name, 'DT_FLOAT', { name, shape, dtype: 'float32' }, chunk);
  }

  /** Adds a float32 constant stored as float16 bit patterns, as the TensorFlow.js converter writes them. */
  float16Const(name: string, shape: number[], bits: number[]): this {
    const chunk = Buffer.alloc(bits.length * 2);
    bits.forEach((value, i) => chunk.writeUInt16LE(value, i * 2));
    const quantization = { dtype: 'float16' as const, original_dtype: 'float32' };
    return this.addConst(name, 'DT_FLOAT', { name, shape, dtype: 'float32', quantization }, chunk);
  }

  /** Adds an integer constant; DT_INT64 is stored as int32, as the TensorFlow.js converter does. */
  intConst(name: string, shape: number[], values: number[], dtype: 'DT_INT32' | 'DT_INT64' = 'DT_INT32'): this {
    const chunk = Buffer.alloc(values.length * 4);
    values.forEach((value, i) => chunk.writeInt32LE(value, i * 4));
    return this.addConst(name, dtype, { name, shape, dtype: 'int32' }, chunk);
  }

  op(name: string, op: string, input: string[], attributes: Record<string, TfjsAttrValue> = {}): this {
    this.nodes.push({ name, op, input, attr: { T: attr.type('DT_FLOAT'), ...attributes } });
    return this;
  }

  output(tensor: string): this {
    this.outputs[tensor] = { name: tensor, dtype: 'DT_FLOAT' };
    return this;
  }

  build(): { model: TfjsGraphModelJson; weights: Uint8Array } {
    const model: TfjsGraphModelJson = {
      format: 'graph-model',
      modelTopology: { node: this.nodes },
      weightsManifest: [{ paths: ['weights.bin'], weights: this.entries }],
      signature: { outputs: this.outputs },
    };
    return { model, weights: new Uint8Array(Buffer.concat(this.chunks)) };
  }

  private addConst(name: string, dtype: string, entry: TfjsWeightEntry, chunk: Buffer): this {
    this.nodes.push({ name, op: 'Const', attr: { dtype: attr.type(dtype), value: {} } });
    this.entries.push(entry);
    this.chunks.push(chunk);
    return this;
  }
}

export interface FloatFeed {
  shape: number[];
  data: number[];
}

export interface RunResult {
  dims: number[];
  data: number[];
}

/** Converts a tiny graph to ONNX, runs it in onnxruntime and returns every output as plain arrays. */
export async function convertAndRun(graph: TinyGraph, feeds: Record<string, FloatFeed>, options: ConvertOptions = {}): Promise<Record<string, RunResult>> {
  const { model, weights } = graph.build();
  return runOnnx(convertGraphModel(model, weights, options), feeds);
}

export async function runOnnx(onnxBytes: Uint8Array, feeds: Record<string, FloatFeed>): Promise<Record<string, RunResult>> {
  const session = await ort.InferenceSession.create(onnxBytes);
  try {
    // A plain array, because jest runs tests in a separate realm whose Float32Array onnxruntime rejects.
    const tensors = Object.fromEntries(Object.entries(feeds).map(([name, feed]) => [name, new ort.Tensor('float32', feed.data, feed.shape)]));
    const results = await session.run(tensors);
    return Object.fromEntries(
      Object.entries(results).map(([name, tensor]) => [name, { dims: [...tensor.dims], data: Array.from(tensor.data as Float32Array) }]),
    );
  } finally {
    await session.release();
  }
}

/** Returns 0, 1, 2, ... as a feed of the given shape. */
export function rampFeed(shape: number[], start = 0): FloatFeed {
  const size = shape.reduce((count, dim) => count * dim, 1);
  return { shape, data: Array.from({ length: size }, (_, i) => start + i) };
}
