import { describe, expect, it } from '@jest/globals';
import * as ort from 'onnxruntime-node';
import { convertGraphModel } from '../convert-graph-model.js';
import { InvalidModelError } from '../errors.js';
import { expectClose } from '../testing/expect-close.js';
import { attr, runOnnx, TinyGraph } from '../testing/tiny-graph.js';

const FIRST = [1, 2, 3, 4];
const SECOND = [10, -2, 0.5, 7];

/** NHWC 2x2 image, resized to 4x4, then reshaped once with a fixed -1 elsewhere and once without. */
function resizeAndReshapeGraph(): TinyGraph {
  return new TinyGraph()
    .placeholder('x', [1, 2, 2, 1])
    .intConst('size', [2], [4, 4])
    .op('resize', 'ResizeBilinear', ['x', 'size'], { half_pixel_centers: attr.b(true), align_corners: attr.b(false) })
    .intConst('rows_shape', [3], [1, 4, -1], 'DT_INT64')
    .op('rows', 'Reshape', ['resize', 'rows_shape'])
    .intConst('flat_shape', [2], [1, 16], 'DT_INT64')
    .op('flat', 'Reshape', ['resize', 'flat_shape'])
    .output('rows')
    .output('flat');
}

function convert(graph: TinyGraph, dynamicBatch: boolean): Uint8Array {
  const { model, weights } = graph.build();
  return convertGraphModel(model, weights, { dynamicBatch });
}

describe('dynamic batch', () => {
  it('declares a symbolic batch dimension', async () => {
    const session = await ort.InferenceSession.create(convert(resizeAndReshapeGraph(), true));
    try {
      expect(session.inputMetadata).toEqual([{ name: 'x', isTensor: true, type: 'float32', shape: ['batch', 2, 2, 1] }]);
    } finally {
      await session.release();
    }
  });

  it('runs a batch of two like two single runs', async () => {
    const onnxBytes = convert(resizeAndReshapeGraph(), true);

    const single = await Promise.all([FIRST, SECOND].map((data) => runOnnx(onnxBytes, { x: { shape: [1, 2, 2, 1], data } })));
    const batched = await runOnnx(onnxBytes, { x: { shape: [2, 2, 2, 1], data: [...FIRST, ...SECOND] } });

    expect(batched.rows!.dims).toEqual([2, 4, 4]);
    expect(batched.flat!.dims).toEqual([2, 16]);
    expectClose(batched.rows!.data, [...single[0]!.rows!.data, ...single[1]!.rows!.data]);
    expectClose(batched.flat!.data, [...single[0]!.flat!.data, ...single[1]!.flat!.data]);
  });

  it('keeps batch 1 results unchanged', async () => {
    const fixed = await runOnnx(convert(resizeAndReshapeGraph(), false), { x: { shape: [1, 2, 2, 1], data: FIRST } });
    const dynamic = await runOnnx(convert(resizeAndReshapeGraph(), true), { x: { shape: [1, 2, 2, 1], data: FIRST } });

    expect(dynamic.rows!.dims).toEqual(fixed.rows!.dims);
    expectClose(dynamic.rows!.data, fixed.rows!.data);
    expectClose(dynamic.flat!.data, fixed.flat!.data);
  });

  it('rejects an input without a batch of 1', () => {
    const graph = new TinyGraph().placeholder('x', [3, 2]).op('y', 'Identity', ['x']).output('y');

    expect(() => convert(graph, true)).toThrow(InvalidModelError);
    expect(() => convert(graph, true)).toThrow(/input "x" has shape \[3,2\], but a dynamic batch needs a first dimension of 1/);
  });
});
