import { InvalidModelError } from '../errors.js';
import { parseTensorRef } from './tensor-ref.js';
import type { TfjsNode } from './tfjs-model.types.js';

/** Orders nodes so every node comes after the nodes it reads, since model.json does not promise that order. */
export function topologicalOrder(nodes: readonly TfjsNode[]): TfjsNode[] {
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: TfjsNode[] = [];

  const visit = (root: TfjsNode): void => {
    // An explicit stack, because deep networks would overflow the call stack with recursion.
    const stack: { node: TfjsNode; nextInput: number }[] = [{ node: root, nextInput: 0 }];
    state.set(root.name, 'visiting');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const inputs = frame.node.input ?? [];
      if (frame.nextInput >= inputs.length) {
        state.set(frame.node.name, 'done');
        ordered.push(frame.node);
        stack.pop();
        continue;
      }
      const input = inputs[frame.nextInput];
      frame.nextInput += 1;
      const sourceName = input.startsWith('^') ? input.slice(1) : parseTensorRef(input)?.nodeName;
      const source = sourceName === undefined ? undefined : byName.get(sourceName);
      if (source === undefined) {
        throw new InvalidModelError(`node "${frame.node.name}" reads "${input}", which no node produces`);
      }
      const sourceState = state.get(source.name);
      if (sourceState === 'visiting') {
        throw new InvalidModelError(`graph has a cycle through node "${source.name}"`);
      }
      if (sourceState === undefined) {
        state.set(source.name, 'visiting');
        stack.push({ node: source, nextInput: 0 });
      }
    }
  };

  for (const node of nodes) {
    if (!state.has(node.name)) {
      visit(node);
    }
  }
  return ordered;
}
