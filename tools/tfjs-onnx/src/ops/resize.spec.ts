import { describe, expect, it } from '@jest/globals';
import { expectClose } from '../testing/expect-close.js';
import { attr, convertAndRun, TinyGraph } from '../testing/tiny-graph.js';

const IMAGE = { shape: [1, 2, 2, 1], data: [1, 2, 3, 4] };

function resizeGraph(size: number, flags: { half_pixel_centers: boolean; align_corners: boolean }): TinyGraph {
  return new TinyGraph()
    .placeholder('x', [1, 2, 2, 1])
    .intConst('size', [2], [size, size])
    .op('resize', 'ResizeBilinear', ['x', 'size'], {
      half_pixel_centers: attr.b(flags.half_pixel_centers),
      align_corners: attr.b(flags.align_corners),
    })
    .output('resize');
}

describe('ResizeBilinear', () => {
  it('upsamples 2x2 to 4x4 with half-pixel centres', async () => {
    const { resize } = await convertAndRun(resizeGraph(4, { half_pixel_centers: true, align_corners: false }), { x: IMAGE });

    expect(resize.dims).toEqual([1, 4, 4, 1]);
    expectClose(resize.data, [1, 1.25, 1.75, 2, 1.5, 1.75, 2.25, 2.5, 2.5, 2.75, 3.25, 3.5, 3, 3.25, 3.75, 4]);
  });

  it('upsamples 2x2 to 3x3 with aligned corners', async () => {
    const { resize } = await convertAndRun(resizeGraph(3, { half_pixel_centers: false, align_corners: true }), { x: IMAGE });

    expect(resize.dims).toEqual([1, 3, 3, 1]);
    expectClose(resize.data, [1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4]);
  });

  it('upsamples 2x2 to 4x4 with legacy asymmetric coordinates', async () => {
    const { resize } = await convertAndRun(resizeGraph(4, { half_pixel_centers: false, align_corners: false }), { x: IMAGE });

    expectClose(resize.data, [1, 1.5, 2, 2, 2, 2.5, 3, 3, 3, 3.5, 4, 4, 3, 3.5, 4, 4]);
  });
});
