import { describe, expect, it } from '@jest/globals';
import { attr, convertAndRun, rampFeed, TinyGraph } from '../testing/tiny-graph.js';

describe('SplitV', () => {
  it('splits by the given sizes along an axis', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [2, 5])
      .intConst('sizes', [2], [2, 3])
      .intConst('axis', [], [-1])
      .op('split', 'SplitV', ['x', 'sizes', 'axis'], { num_split: attr.i(2) })
      .output('split:0')
      .output('split:1');

    const outputs = await convertAndRun(graph, { x: rampFeed([2, 5]) });

    expect(outputs['split'].dims).toEqual([2, 2]);
    expect(outputs['split'].data).toEqual([0, 1, 5, 6]);
    expect(outputs['split:1'].dims).toEqual([2, 3]);
    expect(outputs['split:1'].data).toEqual([2, 3, 4, 7, 8, 9]);
  });
});

describe('ConcatV2', () => {
  it('joins inputs along the trailing axis input', async () => {
    const graph = new TinyGraph()
      .placeholder('a', [2, 1])
      .placeholder('b', [2, 2])
      .intConst('axis', [], [-1])
      .op('concat', 'ConcatV2', ['a', 'b', 'axis'], { N: attr.i(2) })
      .output('concat');

    const { concat } = await convertAndRun(graph, { a: { shape: [2, 1], data: [1, 2] }, b: { shape: [2, 2], data: [10, 11, 20, 21] } });

    expect(concat.dims).toEqual([2, 3]);
    expect(concat.data).toEqual([1, 10, 11, 2, 20, 21]);
  });
});
