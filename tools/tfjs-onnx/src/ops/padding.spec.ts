import { describe, expect, it } from '@jest/globals';
import { convertAndRun, TinyGraph } from '../testing/tiny-graph.js';

const INPUT = { shape: [2, 2], data: [1, 2, 3, 4] };

describe('Pad', () => {
  it('pads each axis by its begin and end amounts', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [2, 2])
      .intConst('paddings', [2, 2], [1, 0, 0, 2])
      .op('pad', 'Pad', ['x', 'paddings'])
      .output('pad');

    const { pad } = await convertAndRun(graph, { x: INPUT });

    expect(pad.dims).toEqual([3, 4]);
    expect(pad.data).toEqual([0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0]);
  });

  it('fills PadV2 padding with the constant value', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [2, 2])
      .intConst('paddings', [2, 2], [0, 1, 1, 0])
      .floatConst('value', [], [-9])
      .op('pad', 'PadV2', ['x', 'paddings', 'value'])
      .output('pad');

    const { pad } = await convertAndRun(graph, { x: INPUT });

    expect(pad.dims).toEqual([3, 3]);
    expect(pad.data).toEqual([-9, 1, 2, -9, 3, 4, -9, -9, -9]);
  });
});
