import type { ModelManifestFile, NanodetManifest } from '../../src/model/model-manifest.js';

/** Returns a NanoDet-g-416 manifest with placeholder labels and every default filled in, for tests that need no model file. */
export function nanodetManifestFixture(): NanodetManifest {
  return {
    id: 'nanodet-g-416',
    version: 'test',
    family: 'nanodet',
    file: 'model.onnx',
    input: {
      name: 'input_1',
      width: 416,
      height: 416,
      layout: 'NCHW',
      channelOrder: 'BGR',
      mean: [103.53, 116.28, 123.675],
      std: [57.375, 57.12, 58.395],
      scale: 1,
      batch: 1,
      resize: 'letterbox',
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

/** Input section for tiny test models: RGB, values 0..1, any layout and size. */
export function tinyInput(overrides: Partial<ModelManifestFile['input']> = {}): ModelManifestFile['input'] {
  return {
    name: 'images',
    width: 64,
    height: 64,
    layout: 'NCHW',
    channelOrder: 'RGB',
    scale: 1 / 255,
    mean: [0, 0, 0],
    std: [1, 1, 1],
    ...overrides,
  };
}

/** Manifest fields every family shares, with `classCount` placeholder labels class-0, class-1, ... */
export function tinyManifestBase(classCount: number, input: ModelManifestFile['input'] = tinyInput()) {
  return {
    id: 'tiny',
    version: '0.0.1',
    input,
    labels: Array.from({ length: classCount }, (_, classId) => `class-${classId}`),
    defaults: { scoreThreshold: 0.25, iouThreshold: 0.5, maxDetections: 100 },
  };
}
