import { describe, expect, it } from '@jest/globals';
import { attr, convertAndRun, rampFeed, TinyGraph } from '../testing/tiny-graph.js';

const VALID_STRIDE_1 = { padding: attr.s('VALID'), strides: attr.ints([1, 1, 1, 1]), data_format: attr.s('NHWC') };

describe('Conv2D', () => {
  it('applies an HWIO kernel to NHWC input', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [1, 3, 3, 1])
      .floatConst('k', [2, 2, 1, 1], [1, 2, 3, 4])
      .op('conv', 'Conv2D', ['x', 'k'], VALID_STRIDE_1)
      .output('conv');

    const { conv } = await convertAndRun(graph, { x: rampFeed([1, 3, 3, 1], 1) });

    expect(conv.dims).toEqual([1, 2, 2, 1]);
    expect(conv.data).toEqual([37, 47, 67, 77]);
  });

  it('maps input and output channels of the kernel', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [1, 1, 1, 2])
      .floatConst('k', [1, 1, 2, 3], [1, 2, 3, 4, 5, 6])
      .op('conv', 'Conv2D', ['x', 'k'], VALID_STRIDE_1)
      .output('conv');

    const { conv } = await convertAndRun(graph, { x: { shape: [1, 1, 1, 2], data: [1, 2] } });

    expect(conv.dims).toEqual([1, 1, 1, 3]);
    expect(conv.data).toEqual([9, 12, 15]);
  });

  it('pads SAME at the bottom and right like TensorFlow', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [1, 4, 4, 1])
      .floatConst('k', [3, 3, 1, 1], new Array(9).fill(1))
      .op('conv', 'Conv2D', ['x', 'k'], { padding: attr.s('SAME'), strides: attr.ints([1, 2, 2, 1]) })
      .output('conv');

    const { conv } = await convertAndRun(graph, { x: rampFeed([1, 4, 4, 1]) });

    expect(conv.dims).toEqual([1, 2, 2, 1]);
    expect(conv.data).toEqual([45, 39, 66, 50]);
  });

  it('accepts NCHW data_format', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [1, 1, 3, 3])
      .floatConst('k', [2, 2, 1, 1], [1, 2, 3, 4])
      .op('conv', 'Conv2D', ['x', 'k'], { ...VALID_STRIDE_1, data_format: attr.s('NCHW') })
      .output('conv');

    const { conv } = await convertAndRun(graph, { x: rampFeed([1, 1, 3, 3], 1) });

    expect(conv.dims).toEqual([1, 1, 2, 2]);
    expect(conv.data).toEqual([37, 47, 67, 77]);
  });

  it('uses float16-quantised kernels', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [1, 1, 1, 2])
      .float16Const('k', [1, 1, 2, 1], [0x3800, 0xc000])
      .op('conv', 'Conv2D', ['x', 'k'], VALID_STRIDE_1)
      .output('conv');

    const { conv } = await convertAndRun(graph, { x: { shape: [1, 1, 1, 2], data: [4, 1] } });

    expect(conv.data).toEqual([0.5 * 4 - 2 * 1]);
  });
});

describe('DepthwiseConv2dNative', () => {
  it('computes channel multiplier outputs in TensorFlow order', async () => {
    const graph = new TinyGraph()
      .placeholder('x', [1, 1, 2, 2])
      .floatConst('k', [1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])
      .op('dw', 'DepthwiseConv2dNative', ['x', 'k'], VALID_STRIDE_1)
      .output('dw');

    const { dw } = await convertAndRun(graph, { x: { shape: [1, 1, 2, 2], data: [1, 10, 2, 20] } });

    expect(dw.dims).toEqual([1, 1, 1, 4]);
    expect(dw.data).toEqual([11, 14, 170, 200]);
  });
});
