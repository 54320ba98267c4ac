import type { GraphIr } from '../ir/graph-ir.js';
import { producersOf, readerCounts } from './graph-edits.js';

/** Lets the producer of an output Identity's input write the graph output directly, when nothing else reads that input. */
export function foldOutputIdentities(graph: GraphIr): void {
  const producers = producersOf(graph);
  const readers = readerCounts(graph);

  graph.nodes = graph.nodes.filter((node) => {
    if (node.opType !== 'Identity') {
      return true;
    }
    const source = producers.get(node.inputs[0]);
    if (source === undefined || readers.get(node.inputs[0]) !== 1) {
      return true;
    }
    source.outputs = source.outputs.map((output) => (output === node.inputs[0] ? node.outputs[0] : output));
    return false;
  });
}
