import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Detection } from '@lookout/contracts';
import { photoPath } from '@lookout/testing';
import { loadRealModel, type RealModel } from '../../test/support/real-model.js';
import { createBatcher } from './create-batcher.js';
import { createDecoder } from './decoders/create-decoder.js';
import { DetectionPipeline, type DetectionResult } from './detection-pipeline.js';

const PHOTOS = ['dog.jpg', 'person.jpg', 'horses.jpg', 'giraffe.jpg'];
/** Batched and single runs differ only in float32 rounding inside the convolutions. */
const DIGITS = 3;

function expectSameDetections(actual: readonly Detection[], expected: readonly Detection[]): void {
  expect(actual.map((detection) => detection.label)).toEqual(expected.map((detection) => detection.label));
  actual.forEach((detection, index) => {
    const reference = expected[index]!;
    expect(detection.score).toBeCloseTo(reference.score, DIGITS);
    for (const side of ['x1', 'y1', 'x2', 'y2'] as const) {
      expect(detection.box[side]).toBeCloseTo(reference.box[side], DIGITS - 1);
    }
  });
}

describe('batched NanoDet-g-416', () => {
  let model: RealModel;
  let batched: DetectionPipeline;
  let photos: Buffer[];

  beforeAll(async () => {
    model = await loadRealModel();
    // A wait far longer than the test, so only a full batch can start the run.
    const batcher = createBatcher(model.session, model.manifest.input, { maxSize: PHOTOS.length, maxWaitMs: 60_000 });
    batched = new DetectionPipeline({ batcher, manifest: model.manifest, decoder: createDecoder(model.manifest), thresholds: model.pipeline.thresholds });
    photos = await Promise.all(PHOTOS.map((name) => readFile(photoPath(name))));
  });

  afterAll(async () => {
    await model?.session.release();
  });

  it('has a dynamic batch dimension', () => {
    expect(model.manifest.input.batch).toBe('dynamic');
    expect(model.session.batchCapacity).toBe('dynamic');
  });

  it('runs four photos in one session run with the single-run detections', async () => {
    const single: DetectionResult[] = [];
    for (const photo of photos) {
      single.push(await model.pipeline.detect(photo));
    }
    const runsBefore = model.session.stats.runs;
    const imagesBefore = model.session.stats.images;

    const results = await Promise.all(photos.map((photo) => batched.detect(photo)));

    expect(model.session.stats.runs - runsBefore).toBe(1);
    expect(model.session.stats.images - imagesBefore).toBe(PHOTOS.length);
    results.forEach((result, index) => {
      expect(result.batchSize).toBe(PHOTOS.length);
      expect(single[index]!.batchSize).toBe(1);
      expect(result.detections.length).toBeGreaterThan(0);
      expectSameDetections(result.detections, single[index]!.detections);
    });
  });
});
