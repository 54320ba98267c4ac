import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tinyInput, tinyManifestBase } from '../../../test/support/manifest.fixture.js';
import { openTinyModel, type TinyModel } from '../../../test/support/onnx-graph.fixture.js';
import { parseModelManifest, type ModelManifestFile, type SsdManifest } from '../../model/model-manifest.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import { letterboxToOriginal } from '../coordinates.js';
import { SsdDecoder } from './ssd.decoder.js';

const ALL_CLASSES = { minScore: 0.25, classIds: null };
const OUTPUTS = { boxes: 'detection_boxes', scores: 'detection_scores', classes: 'detection_classes', numDetections: 'num_detections' };

function manifestFile(): ModelManifestFile {
  return { ...tinyManifestBase(3, tinyInput({ width: 300, height: 300, layout: 'NHWC', resize: 'stretch' })), family: 'ssd', outputs: OUTPUTS };
}

const decoder = new SsdDecoder(parseModelManifest(manifestFile(), 'ssd fixture') as SsdManifest);

/** Two rows: [0.25, 0.5, 0.75, 1.0] class 2 at 0.8, then a row beyond num_detections. */
const BOXES = [0.25, 0.5, 0.75, 1.0, 0, 0, 0.5, 0.5];
const SCORES = [0.8, 0.9];
const CLASSES = [2, 1];

function outputsOf(count: number): Map<string, OutputTensor> {
  return new Map<string, OutputTensor>([
    [OUTPUTS.boxes, { data: Float32Array.from(BOXES), dims: [1, 2, 4] }],
    [OUTPUTS.scores, { data: Float32Array.from(SCORES), dims: [1, 2] }],
    [OUTPUTS.classes, { data: Float32Array.from(CLASSES), dims: [1, 2] }],
    [OUTPUTS.numDetections, { data: Float32Array.from([count]), dims: [1] }],
  ]);
}

describe('SsdDecoder', () => {
  it('turns normalised y-first boxes into corner pixels', () => {
    const [box] = decoder.decode(outputsOf(1), 0, { width: 640, height: 480 }, ALL_CLASSES);

    expect(box).toEqual({ box: { x1: 320, y1: 120, x2: 640, y2: 360 }, classId: 2, score: expect.closeTo(0.8, 6) });
  });

  it('maps a stretched input back to the whole image', () => {
    const [candidate] = decoder.decode(outputsOf(1), 0, { width: 300, height: 300 }, ALL_CLASSES);
    const stretched = { scale: 300 / 640, padLeft: 0, padTop: 0, resizedWidth: 300, resizedHeight: 300, originalWidth: 640, originalHeight: 480 };

    const mapped = letterboxToOriginal(candidate!.box, stretched)!;

    expect(mapped.x1).toBeCloseTo(320, 9);
    expect(mapped.y1).toBeCloseTo(120, 9);
    expect(mapped.x2).toBeCloseTo(640, 9);
    expect(mapped.y2).toBeCloseTo(360, 9);
  });

  it('reads only num_detections rows', () => {
    expect(decoder.decode(outputsOf(1), 0, { width: 640, height: 480 }, ALL_CLASSES)).toHaveLength(1);
    expect(decoder.decode(outputsOf(2), 0, { width: 640, height: 480 }, ALL_CLASSES)).toHaveLength(2);
  });

  it('rejects a negative detection count', () => {
    expect(() => decoder.decode(outputsOf(-1), 0, { width: 640, height: 480 }, ALL_CLASSES)).toThrow(/invalid detection count -1/);
  });

  describe('through an ONNX session', () => {
    let model: TinyModel;

    beforeAll(async () => {
      model = await openTinyModel(
        {
          input: { name: 'images', dims: [1, 300, 300, 3] },
          constants: [
            { name: OUTPUTS.boxes, dims: [1, 2, 4], data: BOXES },
            { name: OUTPUTS.scores, dims: [1, 2], data: SCORES },
            { name: OUTPUTS.classes, dims: [1, 2], data: CLASSES },
            { name: OUTPUTS.numDetections, dims: [1], data: [1] },
          ],
        },
        manifestFile(),
      );
    });

    afterAll(async () => {
      await model?.dispose();
    });

    it('decodes the session outputs', async () => {
      const outputs = await model.session.run(new Float32Array(300 * 300 * 3));

      const candidates = new SsdDecoder(model.manifest as SsdManifest).decode(outputs, 0, { width: 640, height: 480 }, ALL_CLASSES);

      expect(candidates.map(({ classId, box }) => ({ classId, box }))).toEqual([{ classId: 2, box: { x1: 320, y1: 120, x2: 640, y2: 360 } }]);
    });
  });
});
