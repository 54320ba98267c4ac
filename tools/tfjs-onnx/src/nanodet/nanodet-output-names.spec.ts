import { describe, expect, it } from '@jest/globals';
import { InvalidModelError } from '../errors.js';
import type { TfjsGraphModelJson } from '../tfjs/tfjs-model.types.js';
import { nanodetOutputNames } from './nanodet-output-names.js';

function modelWithOutputs(shapes: Record<string, number[]>): TfjsGraphModelJson {
  const outputs = Object.fromEntries(
    Object.entries(shapes).map(([name, dims]) => [name, { name, tensorShape: { dim: dims.map((size) => ({ size: String(size) })) } }]),
  );
  return { modelTopology: { node: [] }, weightsManifest: [], signature: { outputs } };
}

describe('nanodetOutputNames', () => {
  it('names outputs by grid size and channel count', () => {
    const model = modelWithOutputs({
      'Identity_2:0': [1, 169, 80],
      'Identity_3:0': [1, 2704, 44],
      'Identity:0': [1, 2704, 80],
      'Identity_5:0': [1, 169, 44],
    });

    const names = nanodetOutputNames(model, 416, 80, 10);

    expect(names.outputs).toEqual(['Identity:0', 'Identity_3:0', 'Identity_2:0', 'Identity_5:0']);
    expect(names.rename).toEqual({
      'Identity:0': 'cls_pred_stride_8',
      'Identity_3:0': 'dis_pred_stride_8',
      'Identity_2:0': 'cls_pred_stride_32',
      'Identity_5:0': 'dis_pred_stride_32',
    });
    expect(names.byStride).toEqual([
      { stride: 8, scores: 'cls_pred_stride_8', boxes: 'dis_pred_stride_8' },
      { stride: 32, scores: 'cls_pred_stride_32', boxes: 'dis_pred_stride_32' },
    ]);
  });

  it('rejects a stride with only one output', () => {
    const model = modelWithOutputs({ 'Identity:0': [1, 2704, 80] });

    expect(() => nanodetOutputNames(model, 416, 80, 10)).toThrow(InvalidModelError);
  });

  it('rejects an unexpected channel count', () => {
    const model = modelWithOutputs({ 'Identity:0': [1, 2704, 81] });

    expect(() => nanodetOutputNames(model, 416, 80, 10)).toThrow(/81 channels/);
  });
});
