import type { GraphIr } from '../ir/graph-ir.js';
import { cancelTransposes } from './cancel-transposes.js';
import { foldOutputIdentities } from './fold-output-identities.js';
import { removeDeadNodes } from './graph-edits.js';

/** Simplifies the imported graph without changing its results. */
export function optimizeGraph(graph: GraphIr): void {
  cancelTransposes(graph);
  // Dead transposes still count as readers, so remove them before folding output identities.
  removeDeadNodes(graph);
  foldOutputIdentities(graph);
}
