import { describe, expect, it } from '@jest/globals';
import { attr, convertAndRun, rampFeed, TinyGraph } from '../testing/tiny-graph.js';

function maxPoolGraph(size: number, padding: 'VALID' | 'SAME'): TinyGraph {
  return new TinyGraph()
    .placeholder('x', [1, size, size, 1])
    .op('pool', 'MaxPool', ['x'], { ksize: attr.ints([1, 3, 3, 1]), strides: attr.ints([1, 2, 2, 1]), padding: attr.s(padding) })
    .output('pool');
}

describe('MaxPool', () => {
  it('takes window maxima with VALID padding', async () => {
    const { pool } = await convertAndRun(maxPoolGraph(5, 'VALID'), { x: rampFeed([1, 5, 5, 1]) });

    expect(pool.dims).toEqual([1, 2, 2, 1]);
    expect(pool.data).toEqual([12, 14, 22, 24]);
  });

  it('ignores SAME padding when taking maxima', async () => {
    const negativeRamp = rampFeed([1, 4, 4, 1]);
    negativeRamp.data = negativeRamp.data.map((value) => -value);

    const { pool } = await convertAndRun(maxPoolGraph(4, 'SAME'), { x: negativeRamp });

    expect(pool.dims).toEqual([1, 2, 2, 1]);
    expect(pool.data.map((value) => value + 0)).toEqual([0, -2, -8, -10]);
  });
});
