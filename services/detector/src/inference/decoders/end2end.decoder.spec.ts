import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tinyInput, tinyManifestBase } from '../../../test/support/manifest.fixture.js';
import { openTinyModel, type TinyModel } from '../../../test/support/onnx-graph.fixture.js';
import { parseModelManifest, type End2endManifest, type ModelManifestFile } from '../../model/model-manifest.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import { End2endDecoder } from './end2end.decoder.js';

const GEOMETRY = { width: 2, height: 2 };
const ALL_CLASSES = { minScore: 0.25, classIds: null };

/** Two rows of six values fill a [1, 3, 2, 2] input, so the graph can return its input as detections. */
function manifestFile(): ModelManifestFile {
  return { ...tinyManifestBase(4, tinyInput({ width: 2, height: 2, batch: 'dynamic' })), family: 'end2end', outputs: { detections: 'detections' } };
}

const decoder = new End2endDecoder(parseModelManifest(manifestFile(), 'end2end fixture') as End2endManifest);

function outputsOf(rows: number[][], batch = 1): Map<string, OutputTensor> {
  return new Map([['detections', { data: Float32Array.from(rows.flat()), dims: [batch, rows.length / batch, 6] }]]);
}

describe('End2endDecoder', () => {
  it('reads corner boxes, scores and classes', () => {
    const candidates = decoder.decode(outputsOf([[10, 20, 110, 220, 0.9, 3]]), 0, GEOMETRY, ALL_CLASSES);

    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.box).toEqual({ x1: 10, y1: 20, x2: 110, y2: 220 });
    expect(candidates[0]!.classId).toBe(3);
    expect(candidates[0]!.score).toBeCloseTo(0.9, 6);
  });

  it('filters by score and class', () => {
    const rows = [
      [0, 0, 10, 10, 0.9, 1],
      [0, 0, 10, 10, 0.2, 1],
      [0, 0, 10, 10, 0.8, 2],
    ];

    const candidates = decoder.decode(outputsOf(rows), 0, GEOMETRY, { minScore: 0.25, classIds: new Set([1]) });

    expect(candidates.map((candidate) => candidate.score)).toEqual([expect.closeTo(0.9, 6)]);
  });

  it('skips class ids outside the labels', () => {
    expect(decoder.decode(outputsOf([[0, 0, 10, 10, 0.9, 4]]), 0, GEOMETRY, ALL_CLASSES)).toEqual([]);
  });

  it('declares its overlaps suppressed', () => {
    expect(decoder.suppressesOverlaps).toBe(true);
  });

  describe('through an ONNX session with a batch of two', () => {
    let model: TinyModel;

    beforeAll(async () => {
      model = await openTinyModel(
        { input: { name: 'images', dims: ['batch', 3, 2, 2] }, reshaped: [{ name: 'detections', shape: [0, 2, 6] }] },
        manifestFile(),
      );
    });

    afterAll(async () => {
      await model?.dispose();
    });

    it('decodes each image from its own rows', async () => {
      const first = [1, 2, 11, 12, 0.9, 0, 0, 0, 0, 0, 0, 0];
      const second = [5, 6, 15, 16, 0.7, 2, 20, 20, 30, 30, 0.6, 1];

      const outputs = await model.session.run(Float32Array.from([...first, ...second]), 2);

      expect(model.session.batchCapacity).toBe('dynamic');
      const decode = (batchIndex: number) =>
        new End2endDecoder(model.manifest as End2endManifest).decode(outputs, batchIndex, GEOMETRY, ALL_CLASSES).map(({ classId, box }) => ({ classId, box }));
      expect(decode(0)).toEqual([{ classId: 0, box: { x1: 1, y1: 2, x2: 11, y2: 12 } }]);
      expect(decode(1)).toEqual([
        { classId: 2, box: { x1: 5, y1: 6, x2: 15, y2: 16 } },
        { classId: 1, box: { x1: 20, y1: 20, x2: 30, y2: 30 } },
      ]);
    });
  });
});
