import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { tinyInput, tinyManifestBase } from '../../test/support/manifest.fixture.js';
import { openTinyModel, type TinyModel } from '../../test/support/onnx-graph.fixture.js';
import { InferenceError } from '../model/model-errors.js';
import type { ModelManifestFile } from '../model/model-manifest.js';
import { Batcher } from './batcher.js';
import { createBatcher } from './create-batcher.js';
import { createDecoder } from './decoders/create-decoder.js';
import { resolveThresholds } from './detection-options.js';
import { DetectionPipeline, type DetectionResult } from './detection-pipeline.js';

const IMAGE_SIZE = 3 * 2 * 2;

/** Builds an end-to-end manifest for a model that returns each image's 12 input values as its two detection rows. */
function echoManifest(batch: number | 'dynamic'): ModelManifestFile {
  return { ...tinyManifestBase(4, tinyInput({ width: 2, height: 2, batch })), family: 'end2end', outputs: { detections: 'detections' } };
}

function imageTensor(first: number): Float32Array {
  return Float32Array.from({ length: IMAGE_SIZE }, (_, index) => first + index);
}

describe('Batcher', () => {
  let dynamic: TinyModel;

  beforeAll(async () => {
    dynamic = await openTinyModel({ input: { name: 'images', dims: ['batch', 3, 2, 2] }, reshaped: [{ name: 'detections', shape: [0, 2, 6] }] }, echoManifest('dynamic'));
  });

  afterAll(async () => {
    await dynamic?.dispose();
  });

  it('runs a full batch in one session run', async () => {
    const batcher = new Batcher({ session: dynamic.session, imageSize: IMAGE_SIZE, maxBatchSize: 3, maxWaitMs: 60_000 });
    const runsBefore = dynamic.session.stats.runs;

    const slots = await Promise.all([100, 200, 300].map((first) => batcher.submit(imageTensor(first))));

    expect(dynamic.session.stats.runs - runsBefore).toBe(1);
    expect(slots.map((slot) => [slot.batchIndex, slot.batchSize])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    const detections = slots[2]!.outputs.get('detections')!;
    expect(detections.dims).toEqual([3, 2, 6]);
    expect(detections.data[2 * IMAGE_SIZE]).toBe(300);
  });

  it('runs a lone image once the wait has passed', async () => {
    const maxWaitMs = 40;
    const batcher = new Batcher({ session: dynamic.session, imageSize: IMAGE_SIZE, maxBatchSize: 8, maxWaitMs });

    const started = performance.now();
    const slot = await batcher.submit(imageTensor(0));
    const elapsedMs = performance.now() - started;

    expect(slot.batchSize).toBe(1);
    expect(elapsedMs).toBeGreaterThanOrEqual(maxWaitMs);
  });

  it('splits more images than a batch holds', async () => {
    const batcher = new Batcher({ session: dynamic.session, imageSize: IMAGE_SIZE, maxBatchSize: 2, maxWaitMs: 5 });
    const runsBefore = dynamic.session.stats.runs;

    const slots = await Promise.all([0, 1, 2, 3, 4].map((first) => batcher.submit(imageTensor(first))));

    expect(slots.map((slot) => slot.batchSize)).toEqual([2, 2, 2, 2, 1]);
    expect(dynamic.session.stats.runs - runsBefore).toBe(3);
  });

  it('runs everything queued on close', async () => {
    const batcher = new Batcher({ session: dynamic.session, imageSize: IMAGE_SIZE, maxBatchSize: 8, maxWaitMs: 60_000 });

    const pending = batcher.submit(imageTensor(0));
    await batcher.close();

    expect((await pending).batchSize).toBe(1);
    await expect(batcher.submit(imageTensor(0))).rejects.toThrow(/closed/);
  });

  it('rejects a tensor of the wrong size', async () => {
    const batcher = new Batcher({ session: dynamic.session, imageSize: IMAGE_SIZE, maxBatchSize: 1, maxWaitMs: 0 });

    await expect(batcher.submit(new Float32Array(5))).rejects.toThrow(/5 values, expected 12/);
  });

  it('pads a batch for a model with a fixed batch of two', async () => {
    const fixed = await openTinyModel({ input: { name: 'images', dims: [2, 3, 2, 2] }, reshaped: [{ name: 'detections', shape: [0, 2, 6] }] }, echoManifest(2));
    try {
      const batcher = createBatcher(fixed.session, fixed.manifest.input, { maxSize: 8, maxWaitMs: 1 });

      const slot = await batcher.submit(imageTensor(7));

      expect(batcher.maxBatchSize).toBe(2);
      expect(slot.batchSize).toBe(1);
      expect(slot.outputs.get('detections')!.dims).toEqual([2, 2, 6]);
      expect(fixed.session.stats.images).toBe(2);
    } finally {
      await fixed.dispose();
    }
  });

  it('fails one image of a batch without failing the other', async () => {
    // num_detections is the largest input value: 1 for a white image, -1 for a black one once normalised.
    const manifest: ModelManifestFile = {
      ...tinyManifestBase(3, tinyInput({ width: 4, height: 4, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5], batch: 'dynamic' })),
      family: 'ssd',
      outputs: { boxes: 'boxes', scores: 'scores', classes: 'classes', numDetections: 'count' },
    };
    const model = await openTinyModel(
      {
        input: { name: 'images', dims: ['batch', 3, 4, 4] },
        constants: [
          { name: 'boxes', dims: [2, 1, 4], data: [0, 0, 1, 1, 0, 0, 1, 1] },
          { name: 'scores', dims: [2, 1], data: [0.9, 0.9] },
          { name: 'classes', dims: [2, 1], data: [1, 1] },
        ],
        maxPerImage: ['count'],
      },
      manifest,
    );
    try {
      const batcher = createBatcher(model.session, model.manifest.input, { maxSize: 2, maxWaitMs: 60_000 });
      const pipeline = new DetectionPipeline({ batcher, manifest: model.manifest, decoder: createDecoder(model.manifest), thresholds: resolveThresholds(model.manifest, {}) });
      const png = (value: number) => sharp({ create: { width: 4, height: 4, channels: 3, background: { r: value, g: value, b: value } } }).png().toBuffer();

      const [white, black] = await Promise.allSettled([pipeline.detect(await png(255)), pipeline.detect(await png(0))]);

      expect(model.session.stats.runs).toBe(1);
      expect(white.status).toBe('fulfilled');
      expect(black.status).toBe('rejected');
      const whiteResult = (white as PromiseFulfilledResult<DetectionResult>).value;
      const blackError = (black as PromiseRejectedResult).reason as Error;
      expect(whiteResult.detections.map((detection) => [detection.label, detection.box])).toEqual([['class-1', { x1: 0, y1: 0, x2: 4, y2: 4 }]]);
      expect(whiteResult.batchSize).toBe(2);
      expect(blackError).toBeInstanceOf(InferenceError);
      expect(blackError.message).toMatch(/invalid detection count -1/);
    } finally {
      await model.dispose();
    }
  });
});
