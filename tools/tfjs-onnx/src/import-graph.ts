import { InvalidModelError, UnsupportedOpError } from './errors.js';
import { CONSTANT_FOLDERS, hostDtypeOf } from './folding/constant-folders.js';
import type { GraphIr, IrAttribute, IrValueInfo } from './ir/graph-ir.js';
import { NameAllocator } from './ir/name-allocator.js';
import type { ConversionContext } from './ops/conversion-context.js';
import { OP_CONVERTERS } from './ops/op-registry.js';
import type { HostTensor } from './tensor/host-tensor.js';
import { loadConstants } from './tfjs/load-constants.js';
import { NodeAttributes } from './tfjs/node-attributes.js';
import { normalizeTensorName, parseTensorRef, tensorName } from './tfjs/tensor-ref.js';
import type { TfjsGraphModelJson, TfjsNode, TfjsSignatureTensor } from './tfjs/tfjs-model.types.js';
import { topologicalOrder } from './tfjs/topological-order.js';
import { decodeWeights } from './weights/decode-weights.js';

export interface ImportOptions {
  /** TensorFlow tensor names to expose as graph outputs, in order. Defaults to the signature outputs. */
  outputs?: string[];
  graphName?: string;
}

/** Translates a TensorFlow.js graph model into the ONNX graph IR, folding constant subgraphs on the way. */
export function importGraph(model: TfjsGraphModelJson, weights: Uint8Array, options: ImportOptions = {}): GraphIr {
  const nodes = model.modelTopology?.node;
  if (!Array.isArray(nodes)) {
    throw new InvalidModelError('model JSON has no modelTopology.node list; is it a graph model?');
  }
  const constants = loadConstants(nodes, decodeWeights(model.weightsManifest ?? [], weights));
  const graph: GraphIr = { name: options.graphName ?? 'graph', nodes: [], initializers: new Map(), inputs: [], outputs: [] };
  const tensorNames = new NameAllocator(nodes.map((node) => node.name));
  const nodeNames = new NameAllocator();
  const unsupported = new Set<string>();

  for (const node of topologicalOrder(nodes)) {
    if (node.op === 'Const') {
      continue;
    }
    if (node.op === 'Placeholder') {
      graph.inputs.push(placeholderInfo(node, model.signature?.inputs));
      continue;
    }
    const inputs = dataInputs(node);
    const folder = CONSTANT_FOLDERS.get(node.op);
    if (folder !== undefined && inputs.every((input) => constants.has(input))) {
      const results = folder(
        inputs.map((input) => constants.get(input) as HostTensor),
        new NodeAttributes(node),
      );
      results.forEach((result, index) => constants.set(tensorName(node.name, index), result));
      continue;
    }
    const converter = OP_CONVERTERS.get(node.op);
    if (converter === undefined) {
      unsupported.add(node.op);
      continue;
    }
    converter(createContext(node, inputs, graph, constants, tensorNames, nodeNames));
  }

  if (unsupported.size > 0) {
    const ops = [...unsupported];
    throw new UnsupportedOpError(`no converter for op(s): ${ops.join(', ')}`, ops);
  }
  graph.outputs = outputInfos(model, nodes, options.outputs, graph, constants, tensorNames, nodeNames);
  return graph;
}

function dataInputs(node: TfjsNode): string[] {
  return (node.input ?? []).filter((input) => parseTensorRef(input) !== undefined).map(normalizeTensorName);
}

function createContext(
  node: TfjsNode,
  inputs: string[],
  graph: GraphIr,
  constants: Map<string, HostTensor>,
  tensorNames: NameAllocator,
  nodeNames: NameAllocator,
): ConversionContext {
  const attributes = new NodeAttributes(node);
  const unsupported = (detail: string): UnsupportedOpError => UnsupportedOpError.forNode(node.op, node.name, detail);
  const inputAt = (index: number): string => {
    const input = inputs[index];
    if (input === undefined) {
      throw unsupported(`expected at least ${index + 1} inputs, got ${inputs.length}`);
    }
    return input;
  };

  return {
    node,
    attributes,
    inputCount: inputs.length,
    inputName(index) {
      const input = inputAt(index);
      const constant = constants.get(input);
      if (constant !== undefined && !graph.initializers.has(input)) {
        graph.initializers.set(input, constant);
      }
      return input;
    },
    isConstantInput: (index) => constants.has(inputAt(index)),
    constantInput(index) {
      const constant = constants.get(inputAt(index));
      if (constant === undefined) {
        throw unsupported(`input ${index} ("${inputAt(index)}") must be a constant`);
      }
      return constant;
    },
    outputName: (index) => tensorName(node.name, index),
    addNode(opType: string, nodeInputs: string[], outputs: string[], nodeAttributes: Record<string, IrAttribute> = {}) {
      graph.nodes.push({ name: nodeNames.allocate(node.name), opType, inputs: nodeInputs, outputs, attributes: nodeAttributes });
    },
    addConstant(hint, tensor) {
      const name = tensorNames.allocate(hint);
      graph.initializers.set(name, tensor);
      return name;
    },
    freshName: (hint) => tensorNames.allocate(hint),
    unsupported,
  };
}

function placeholderInfo(node: TfjsNode, signatureInputs: Record<string, TfjsSignatureTensor> | undefined): IrValueInfo {
  const attributes = new NodeAttributes(node);
  const dtype = hostDtypeOf(attributes.type('dtype', 'DT_FLOAT'));
  if (dtype === undefined) {
    throw UnsupportedOpError.forNode(node.op, node.name, `dtype ${attributes.type('dtype')} is not supported`);
  }
  const shape = attributes.shape('shape') ?? signatureShape(signatureInputs?.[`${node.name}:0`]);
  return { name: node.name, dtype, shape };
}

function signatureShape(tensor: TfjsSignatureTensor | undefined): number[] | undefined {
  if (tensor?.tensorShape === undefined || tensor.tensorShape.unknownRank === true) {
    return undefined;
  }
  return (tensor.tensorShape.dim ?? []).map((dim) => Number(dim.size ?? 0));
}

function outputInfos(
  model: TfjsGraphModelJson,
  nodes: readonly TfjsNode[],
  requested: string[] | undefined,
  graph: GraphIr,
  constants: Map<string, HostTensor>,
  tensorNames: NameAllocator,
  nodeNames: NameAllocator,
): IrValueInfo[] {
  const signatureOutputs = model.signature?.outputs ?? {};
  const names = requested ?? Object.keys(signatureOutputs);
  if (names.length === 0) {
    throw new InvalidModelError('the model has no signature outputs; pass the output tensor names explicitly');
  }
  const byName = new Map(nodes.map((node) => [node.name, node]));

  return names.map((name): IrValueInfo => {
    const normalized = normalizeTensorName(name);
    const producer = byName.get(parseTensorRef(name)?.nodeName ?? '');
    if (producer === undefined) {
      throw new InvalidModelError(`output "${name}" is not produced by any node`);
    }
    const constant = constants.get(normalized);
    if (constant !== undefined) {
      // ONNX graph outputs must come from nodes, so a folded output is re-emitted through Identity.
      const initializer = tensorNames.allocate(`${normalized}/value`);
      graph.initializers.set(initializer, constant);
      graph.nodes.push({ name: nodeNames.allocate(normalized), opType: 'Identity', inputs: [initializer], outputs: [normalized], attributes: {} });
      return { name: normalized, dtype: constant.dtype, shape: constant.shape };
    }
    const signature = signatureOutputs[name] ?? signatureOutputs[`${normalized}:0`];
    const declared = signature?.dtype ?? new NodeAttributes(producer).type('T', 'DT_FLOAT');
    return { name: normalized, dtype: hostDtypeOf(declared) ?? 'float32', shape: signatureShape(signature) };
  });
}
