import { describe, expect, it } from '@jest/globals';
import { convertGraphModel } from './convert-graph-model.js';
import { UnsupportedOpError } from './errors.js';
import { attr, convertAndRun, TinyGraph } from './testing/tiny-graph.js';

describe('convertGraphModel', () => {
  it('names every unsupported op', () => {
    const graph = new TinyGraph().placeholder('x', [2]).op('a', 'Erf', ['x']).op('b', 'Softplus', ['a']).output('b');
    const { model, weights } = graph.build();

    expect(() => convertGraphModel(model, weights)).toThrow(new UnsupportedOpError('no converter for op(s): Erf, Softplus', ['Erf', 'Softplus']));
  });

  it('renames outputs', async () => {
    const graph = new TinyGraph().placeholder('x', [2]).op('Identity', 'Identity', ['x']).output('Identity:0');

    const outputs = await convertAndRun(graph, { x: { shape: [2], data: [3, 4] } }, { rename: { 'Identity:0': 'scores' } });

    expect(Object.keys(outputs)).toEqual(['scores']);
    expect(outputs.scores.data).toEqual([3, 4]);
  });

  it('converts nodes listed before their inputs', async () => {
    const graph = new TinyGraph()
      .op('act', 'LeakyRelu', ['x'], { alpha: attr.f(0.5) })
      .placeholder('x', [2])
      .output('act');

    const { act } = await convertAndRun(graph, { x: { shape: [2], data: [-2, 2] } });

    expect(act.data).toEqual([-1, 2]);
  });
});
