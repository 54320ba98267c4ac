import { InvalidModelError } from '../errors.js';
import type { GraphIr, IrNode, IrValueInfo } from '../ir/graph-ir.js';
import { createTensor, toNumbers } from '../tensor/host-tensor.js';

/** Name of the symbolic first dimension of a graph with a dynamic batch. */
export const BATCH_DIM = 'batch';

/**
 * Turns a graph exported for batch 1 into one that runs any batch size. Every graph input's first
 * dimension must be 1 and becomes the symbolic `batch`, and so does the first dimension of every
 * graph output that is 1. Reshape nodes with a constant target shape starting with 1 get -1 there
 * when no other dimension is -1, else 0 (copy the input's first dimension), so the batch flows
 * through them. Shapes computed inside the graph, such as Resize's sizes built from Shape(x), follow
 * the batch on their own.
 * NOTE: only Reshape is rewritten. A graph that bakes the batch into another constant (a Tile or
 * Expand target, a Concat with a constant along axis 0) still fails for batches above 1.
 */
export function makeBatchDynamic(graph: GraphIr): void {
  graph.inputs = graph.inputs.map((input) => {
    if (input.shape === undefined || input.shape.length === 0 || input.shape[0] !== 1) {
      throw new InvalidModelError(`input "${input.name}" has shape [${input.shape?.join(',') ?? 'unknown'}], but a dynamic batch needs a first dimension of 1`);
    }
    return withSymbolicBatch(input);
  });
  graph.outputs = graph.outputs.map((output) => (output.shape?.[0] === 1 ? withSymbolicBatch(output) : output));

  for (const node of graph.nodes) {
    if (node.opType === 'Reshape') {
      rewriteReshapeBatch(graph, node);
    }
  }
}

function withSymbolicBatch(info: IrValueInfo): IrValueInfo {
  return { ...info, shape: [BATCH_DIM, ...(info.shape ?? []).slice(1)] };
}

function rewriteReshapeBatch(graph: GraphIr, node: IrNode): void {
  const shapeName = node.inputs[1];
  const shapeTensor = shapeName === undefined ? undefined : graph.initializers.get(shapeName);
  if (shapeName === undefined || shapeTensor === undefined) {
    return;
  }
  const shape = toNumbers(shapeTensor);
  if (shape[0] !== 1) {
    return;
  }
  const allowZero = node.attributes.allowzero?.type === 'int' && node.attributes.allowzero.value === 1;
  let batch: number;
  if (!shape.slice(1).includes(-1)) {
    batch = -1;
  } else if (!allowZero) {
    batch = 0;
  } else {
    throw new InvalidModelError(`Reshape node "${node.name}" has target shape [${shape.join(',')}] with allowzero, so its batch dimension cannot be made dynamic`);
  }
  // A new initializer, because the old one may feed other nodes that need the literal 1.
  const rewritten = `${shapeName}/dynamic_batch`;
  graph.initializers.set(rewritten, createTensor(shapeTensor.dtype, [...shapeTensor.shape], [batch, ...shape.slice(1)]));
  node.inputs = [node.inputs[0]!, rewritten, ...node.inputs.slice(2)];
  if (!graph.nodes.some((other) => other.inputs.includes(shapeName))) {
    graph.initializers.delete(shapeName);
  }
}
