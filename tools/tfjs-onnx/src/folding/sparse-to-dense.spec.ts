import { describe, expect, it } from '@jest/globals';
import { convertGraphModel } from '../convert-graph-model.js';
import { InvalidModelError } from '../errors.js';
import { createTensor } from '../tensor/host-tensor.js';
import { onnxOpTypes } from '../testing/onnx-op-types.js';
import { rampFeed, runOnnx, TinyGraph } from '../testing/tiny-graph.js';
import { sparseToDense } from './sparse-to-dense.js';

describe('sparseToDense', () => {
  it('scatters values at 2-D indices over the default', () => {
    const result = sparseToDense(
      createTensor('int64', [2, 2], [0, 1, 1, 2]),
      createTensor('int64', [2], [2, 3]),
      createTensor('float32', [2], [5, 7]),
      createTensor('float32', [], [-1]),
    );

    expect(result.shape).toEqual([2, 3]);
    expect(Array.from(result.data)).toEqual([-1, 5, -1, -1, -1, 7]);
  });

  it('fills with the default when there are no indices', () => {
    const result = sparseToDense(
      createTensor('int64', [0, 1], []),
      createTensor('int64', [1], [3]),
      createTensor('int64', [0], []),
      createTensor('int64', [], [0]),
    );

    expect(result.dtype).toBe('int64');
    expect(Array.from(result.data)).toEqual([0, 0, 0]);
  });

  it('rejects an index outside the output', () => {
    const call = (): unknown =>
      sparseToDense(createTensor('int32', [1], [4]), createTensor('int32', [1], [3]), createTensor('int32', [], [1]), createTensor('int32', [], [0]));

    expect(call).toThrow(InvalidModelError);
  });
});

describe('SparseToDense folding', () => {
  it('turns a computed Reshape shape into a constant', async () => {
    // The NanoDet graph builds each Reshape shape as const + SparseToDense(...), all from constants.
    const graph = new TinyGraph()
      .placeholder('x', [2, 3])
      .intConst('indices', [1, 1], [1], 'DT_INT64')
      .intConst('dense_shape', [1], [2], 'DT_INT64')
      .intConst('values', [1], [-1], 'DT_INT64')
      .intConst('zero', [], [0], 'DT_INT64')
      .intConst('base', [2], [3, 0], 'DT_INT64')
      .op('sparse', 'SparseToDense', ['indices', 'dense_shape', 'values', 'zero'], {})
      .op('shape', 'AddV2', ['base', 'sparse'])
      .op('reshaped', 'Reshape', ['x', 'shape'])
      .output('reshaped');
    const { model, weights } = graph.build();

    const onnxBytes = convertGraphModel(model, weights);
    const { reshaped } = await runOnnx(onnxBytes, { x: rampFeed([2, 3]) });

    expect(onnxOpTypes(onnxBytes)).toEqual(['Reshape']);
    expect(reshaped.dims).toEqual([3, 2]);
    expect(reshaped.data).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
