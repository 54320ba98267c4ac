import type { GraphIr, IrNode } from '../ir/graph-ir.js';

export function producersOf(graph: GraphIr): Map<string, IrNode> {
  const producers = new Map<string, IrNode>();
  for (const node of graph.nodes) {
    for (const output of node.outputs) {
      producers.set(output, node);
    }
  }
  return producers;
}

/** Counts the readers of each tensor; a graph output counts as one reader. */
export function readerCounts(graph: GraphIr): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (name: string): void => {
    counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  graph.nodes.forEach((node) => node.inputs.forEach(count));
  graph.outputs.forEach((output) => count(output.name));
  return counts;
}

/** Drops nodes and initializers that no graph output depends on. */
export function removeDeadNodes(graph: GraphIr): void {
  const needed = new Set(graph.outputs.map((output) => output.name));
  const liveNodes: IrNode[] = [];
  for (let index = graph.nodes.length - 1; index >= 0; index -= 1) {
    const node = graph.nodes[index];
    if (node.outputs.some((output) => needed.has(output))) {
      liveNodes.push(node);
      node.inputs.forEach((input) => needed.add(input));
    }
  }
  graph.nodes = liveNodes.reverse();
  for (const name of [...graph.initializers.keys()]) {
    if (!needed.has(name)) {
      graph.initializers.delete(name);
    }
  }
}

/** Renames tensors everywhere they appear: nodes, initializers, graph inputs and outputs. */
export function renameTensors(graph: GraphIr, renames: ReadonlyMap<string, string>): void {
  const rename = (name: string): string => renames.get(name) ?? name;
  for (const node of graph.nodes) {
    node.inputs = node.inputs.map(rename);
    node.outputs = node.outputs.map(rename);
  }
  graph.initializers = new Map([...graph.initializers].map(([name, tensor]) => [rename(name), tensor]));
  graph.inputs = graph.inputs.map((info) => ({ ...info, name: rename(info.name) }));
  graph.outputs = graph.outputs.map((info) => ({ ...info, name: rename(info.name) }));
}
