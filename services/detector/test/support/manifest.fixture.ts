import type { ModelManifest } from '../../src/model/model-manifest.js';

/** Returns a NanoDet-g-416 manifest with placeholder labels, for tests that need no model file. */
export function nanodetManifestFixture(): ModelManifest {
  return {
    id: 'nanodet-g-416',
    version: 'test',
    family: 'nanodet',
    input: {
      name: 'input_1',
      width: 416,
      height: 416,
      layout: 'NCHW',
      channelOrder: 'BGR',
      mean: [103.53, 116.28, 123.675],
      std: [57.375, 57.12, 58.395],
    },
    strides: [8, 16, 32],
    regMax: 10,
    outputs: {
      '8': { scores: 'scores_8', boxes: 'boxes_8' },
      '16': { scores: 'scores_16', boxes: 'boxes_16' },
      '32': { scores: 'scores_32', boxes: 'boxes_32' },
    },
    labels: Array.from({ length: 80 }, (_, classId) => `class-${classId}`),
    defaults: { scoreThreshold: 0.35, iouThreshold: 0.6, maxDetections: 100 },
  };
}
