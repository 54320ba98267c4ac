import { describe, expect, it } from '@jest/globals';
import { convertAndRun, rampFeed, TinyGraph } from '../testing/tiny-graph.js';

describe('shape ops', () => {
  it('transposes by the constant permutation', async () => {
    const graph = new TinyGraph().placeholder('x', [2, 3]).intConst('perm', [2], [1, 0]).op('t', 'Transpose', ['x', 'perm']).output('t');

    const { t } = await convertAndRun(graph, { x: rampFeed([2, 3]) });

    expect(t.dims).toEqual([3, 2]);
    expect(t.data).toEqual([0, 3, 1, 4, 2, 5]);
  });

  it('reshapes with an inferred -1 dimension', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [2, 3])
      .intConst('shape', [2], [3, -1], 'DT_INT64')
      .op('r', 'Reshape', ['x', 'shape'])
      .output('r');

    const { r } = await convertAndRun(graph, { x: rampFeed([2, 3]) });

    expect(r.dims).toEqual([3, 2]);
    expect(r.data).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('adds a float16-quantised constant', async () => {
    const graph = new TinyGraph().placeholder('x', [2]).float16Const('c', [2], [0x3555, 0x7bff]).op('sum', 'AddV2', ['x', 'c']).output('sum');

    const { sum } = await convertAndRun(graph, { x: { shape: [2], data: [1, -4] } });

    expect(sum.data).toEqual([1.333251953125, 65500]);
  });
});
