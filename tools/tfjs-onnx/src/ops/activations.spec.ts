import { describe, expect, it } from '@jest/globals';
import { expectClose } from '../testing/expect-close.js';
import { attr, convertAndRun, TinyGraph } from '../testing/tiny-graph.js';

const INPUT = { shape: [4], data: [-10, -1, 0, 2] };

describe('activations', () => {
  it('applies LeakyRelu with the alpha attribute', async () => {
    const graph = new TinyGraph().placeholder('x', [4]).op('act', 'LeakyRelu', ['x'], { alpha: attr.f(0.1) }).output('act');

    const { act } = await convertAndRun(graph, { x: INPUT });

    expectClose(act.data, [-1, -0.1, 0, 2]);
  });

  it('defaults LeakyRelu alpha to 0.2', async () => {
    const graph = new TinyGraph().placeholder('x', [4]).op('act', 'LeakyRelu', ['x']).output('act');

    const { act } = await convertAndRun(graph, { x: INPUT });

    expectClose(act.data, [-2, -0.2, 0, 2]);
  });

  it('applies Sigmoid', async () => {
    const graph = new TinyGraph().placeholder('x', [2]).op('act', 'Sigmoid', ['x']).output('act');

    const { act } = await convertAndRun(graph, { x: { shape: [2], data: [0, Math.log(3)] } });

    expectClose(act.data, [0.5, 0.75]);
  });

  it('clips Relu6 to [0, 6]', async () => {
    const graph = new TinyGraph().placeholder('x', [3]).op('act', 'Relu6', ['x']).output('act');

    const { act } = await convertAndRun(graph, { x: { shape: [3], data: [-1, 3, 8] } });

    expect(act.data).toEqual([0, 3, 6]);
  });
});
