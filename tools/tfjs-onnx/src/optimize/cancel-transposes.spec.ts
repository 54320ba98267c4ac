import { describe, expect, it } from '@jest/globals';
import { convertGraphModel } from '../convert-graph-model.js';
import { onnxOpTypes } from '../testing/onnx-op-types.js';
import { attr, rampFeed, runOnnx, TinyGraph } from '../testing/tiny-graph.js';

/** Builds an NCHW input moved to NHWC for a TensorFlow convolution and back, as the NanoDet graph does. */
function wrappedConvGraph(): TinyGraph {
  return new TinyGraph()
    .placeholder('x', [1, 2, 3, 3])
    .intConst('to_nhwc', [4], [0, 2, 3, 1])
    .intConst('to_nchw', [4], [0, 3, 1, 2])
    .floatConst('k', [1, 1, 2, 1], [1, 10])
    .op('nhwc', 'Transpose', ['x', 'to_nhwc'])
    .op('conv', 'Conv2D', ['nhwc', 'k'], { padding: attr.s('VALID'), strides: attr.ints([1, 1, 1, 1]) })
    .op('nchw', 'Transpose', ['conv', 'to_nchw'])
    .output('nchw');
}

describe('cancelTransposes', () => {
  it('removes transposes that undo each other', () => {
    const { model, weights } = wrappedConvGraph().build();

    expect(onnxOpTypes(convertGraphModel(model, weights, { optimize: false }))).toEqual([
      'Transpose',
      'Transpose',
      'Conv',
      'Transpose',
      'Transpose',
    ]);
    expect(onnxOpTypes(convertGraphModel(model, weights))).toEqual(['Conv']);
  });

  it('keeps the results of the unoptimised graph', async () => {
    const { model, weights } = wrappedConvGraph().build();
    const feeds = { x: rampFeed([1, 2, 3, 3]) };

    const plain = await runOnnx(convertGraphModel(model, weights, { optimize: false }), feeds);
    const optimized = await runOnnx(convertGraphModel(model, weights), feeds);

    expect(optimized.nchw.dims).toEqual([1, 1, 3, 3]);
    expect(optimized.nchw.data).toEqual(plain.nchw.data);
    expect(optimized.nchw.data).toEqual([90, 101, 112, 123, 134, 145, 156, 167, 178]);
  });

  it('merges transposes that do not cancel into one', () => {
    const graph = new TinyGraph()
      .placeholder('x', [1, 2, 3, 4])
      .intConst('swap_last', [4], [0, 1, 3, 2])
      .intConst('to_nhwc', [4], [0, 2, 3, 1])
      .op('a', 'Transpose', ['x', 'swap_last'])
      .op('b', 'Transpose', ['a', 'to_nhwc'])
      .output('b');
    const { model, weights } = graph.build();

    expect(onnxOpTypes(convertGraphModel(model, weights))).toEqual(['Transpose']);
  });
});
