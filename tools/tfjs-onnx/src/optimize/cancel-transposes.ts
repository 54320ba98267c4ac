import { intsAttr, readIntsAttr, type GraphIr } from '../ir/graph-ir.js';
import { producersOf } from './graph-edits.js';

/**
 * Merges each Transpose that reads another Transpose into one Transpose of the original tensor,
 * and drops the pair when the permutations cancel. NHWC ops wrapped for ONNX leave many such pairs.
 * The first Transpose stays in place for its other readers; dead-node removal deletes it otherwise.
 */
export function cancelTransposes(graph: GraphIr): void {
  const outputNames = new Set(graph.outputs.map((output) => output.name));
  const producers = producersOf(graph);

  for (const node of graph.nodes) {
    if (node.opType !== 'Transpose') {
      continue;
    }
    // Earlier merges may have turned a Transpose into an Identity, so look through those.
    let source = producers.get(node.inputs[0]);
    while (source?.opType === 'Identity') {
      source = producers.get(source.inputs[0]);
    }
    const outerPerm = readIntsAttr(node, 'perm');
    const innerPerm = source === undefined ? undefined : readIntsAttr(source, 'perm');
    if (source?.opType !== 'Transpose' || outerPerm === undefined || innerPerm === undefined) {
      continue;
    }

    // Output axis k of the pair reads input axis innerPerm[outerPerm[k]].
    const combined = outerPerm.map((axis) => innerPerm[axis]);
    node.inputs = [source.inputs[0]];
    if (combined.every((axis, index) => axis === index)) {
      node.opType = 'Identity';
      node.attributes = {};
    } else {
      node.attributes = { perm: intsAttr(combined) };
    }
  }

  removeIdentities(graph, outputNames);
}

/** Reroutes readers of an Identity to its input, unless the Identity produces a graph output. */
function removeIdentities(graph: GraphIr, outputNames: ReadonlySet<string>): void {
  const aliases = new Map<string, string>();
  const resolve = (name: string): string => aliases.get(name) ?? name;

  graph.nodes = graph.nodes.filter((node) => {
    node.inputs = node.inputs.map(resolve);
    if (node.opType === 'Identity' && !outputNames.has(node.outputs[0])) {
      aliases.set(node.outputs[0], node.inputs[0]);
      return false;
    }
    return true;
  });
}
