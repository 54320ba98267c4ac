import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tinyInput, tinyManifestBase } from '../../../test/support/manifest.fixture.js';
import { openTinyModel, type TinyModel } from '../../../test/support/onnx-graph.fixture.js';
import { parseModelManifest, type ModelManifestFile, type Yolov8Manifest } from '../../model/model-manifest.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import { Yolov8Decoder } from './yolov8.decoder.js';

const CLASSES = 80;
const ANCHORS = 8400;
const CHANNELS = 4 + CLASSES;
const GEOMETRY = { width: 640, height: 640 };
const ALL_CLASSES = { minScore: 0.25, classIds: null };

function manifestFile(): ModelManifestFile {
  return { ...tinyManifestBase(CLASSES, tinyInput({ width: 640, height: 640 })), family: 'yolov8', outputs: { predictions: 'output0' } };
}

const manifest = parseModelManifest(manifestFile(), 'yolov8 fixture') as Yolov8Manifest;
const decoder = new Yolov8Decoder(manifest);

/** Predictions [1, 84, 8400] with anchor 5000 at (320, 320, 100, 50) and class 2 scoring 0.9. */
function anchor5000Predictions(): Float32Array {
  const data = new Float32Array(CHANNELS * ANCHORS);
  const anchor = 5000;
  [320, 320, 100, 50].forEach((value, channel) => {
    data[channel * ANCHORS + anchor] = value;
  });
  data[(4 + 2) * ANCHORS + anchor] = 0.9;
  return data;
}

function outputsOf(data: Float32Array, anchors = ANCHORS): Map<string, OutputTensor> {
  return new Map([['output0', { data, dims: [1, CHANNELS, anchors] }]]);
}

describe('Yolov8Decoder', () => {
  it('decodes one anchor to its exact box', () => {
    const candidates = decoder.decode(outputsOf(anchor5000Predictions()), 0, GEOMETRY, ALL_CLASSES);

    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.classId).toBe(2);
    expect(candidates[0]!.score).toBeCloseTo(0.9, 6);
    expect(candidates[0]!.box).toEqual({ x1: 270, y1: 295, x2: 370, y2: 345 });
  });

  it('keeps the best class of an anchor', () => {
    const data = anchor5000Predictions();
    data[(4 + 7) * ANCHORS + 5000] = 0.95;

    const candidates = decoder.decode(outputsOf(data), 0, GEOMETRY, ALL_CLASSES);

    expect(candidates.map((candidate) => candidate.classId)).toEqual([7]);
  });

  it('keeps the best filtered class of an anchor', () => {
    const data = anchor5000Predictions();
    data[(4 + 7) * ANCHORS + 5000] = 0.95;

    const candidates = decoder.decode(outputsOf(data), 0, GEOMETRY, { minScore: 0.25, classIds: new Set([2]) });

    expect(candidates.map((candidate) => candidate.classId)).toEqual([2]);
  });

  it('drops scores below the minimum', () => {
    expect(decoder.decode(outputsOf(anchor5000Predictions()), 0, GEOMETRY, { minScore: 0.91, classIds: null })).toEqual([]);
  });

  it('rejects a head with another class count', () => {
    const outputs = new Map([['output0', { data: new Float32Array(10 * 4), dims: [1, 10, 4] }]]);
    expect(() => decoder.decode(outputs, 0, GEOMETRY, ALL_CLASSES)).toThrow(/output0 has shape \[1, 10, 4\], expected \[1, 84, N\]/);
  });

  describe('through an ONNX session', () => {
    let model: TinyModel;

    beforeAll(async () => {
      model = await openTinyModel(
        {
          input: { name: 'images', dims: [1, 3, 640, 640] },
          constants: [{ name: 'output0', dims: [1, CHANNELS, ANCHORS], data: anchor5000Predictions() }],
        },
        manifestFile(),
      );
    });

    afterAll(async () => {
      await model?.dispose();
    });

    it('decodes the session output', async () => {
      const outputs = await model.session.run(new Float32Array(3 * 640 * 640));

      const candidates = new Yolov8Decoder(model.manifest as Yolov8Manifest).decode(outputs, 0, GEOMETRY, ALL_CLASSES);

      expect(candidates.map(({ classId, box }) => ({ classId, box }))).toEqual([{ classId: 2, box: { x1: 270, y1: 295, x2: 370, y2: 345 } }]);
    });
  });
});
