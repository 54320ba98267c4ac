import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import type { DetectionOptions } from '@lookout/contracts';
import { tinyInput, tinyManifestBase } from '../../test/support/manifest.fixture.js';
import { openTinyModel, type TinyModel } from '../../test/support/onnx-graph.fixture.js';
import type { ModelManifestFile } from '../model/model-manifest.js';
import { createBatcher } from './create-batcher.js';
import { createDecoder } from './decoders/create-decoder.js';
import { resolveThresholds } from './detection-options.js';
import { DetectionPipeline } from './detection-pipeline.js';

/** Anchors as (cx, cy, w, h, class, score) on a 64x64 input. */
const ANCHORS = [
  [32, 32, 20, 20, 0, 0.9], // A: (22, 22, 42, 42)
  [33, 33, 20, 20, 1, 0.8], // B: overlaps A, another class
  [34, 32, 20, 20, 0, 0.7], // C: overlaps A, same class
  [60, 60, 20, 20, 2, 0.3], // D: reaches past the bottom-right corner
  [10, 10, 0, 10, 0, 0.95], // E: no width
];
const CLASSES = 3;

function yoloPredictions(): number[] {
  const channels = 4 + CLASSES;
  const data = new Array<number>(channels * ANCHORS.length).fill(0);
  ANCHORS.forEach(([cx, cy, w, h, classId, score], anchor) => {
    [cx, cy, w, h].forEach((value, channel) => {
      data[channel * ANCHORS.length + anchor] = value!;
    });
    data[(4 + classId!) * ANCHORS.length + anchor] = score!;
  });
  return data;
}

async function greyImage(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 90, b: 90 } } }).png().toBuffer();
}

async function pipelineFor(model: TinyModel): Promise<DetectionPipeline> {
  const { manifest, session } = model;
  const batcher = createBatcher(session, manifest.input, { maxSize: 1, maxWaitMs: 0 });
  return new DetectionPipeline({ batcher, manifest, decoder: createDecoder(manifest), thresholds: resolveThresholds(manifest, {}) });
}

describe('DetectionPipeline', () => {
  describe('with a YOLOv8 head', () => {
    let model: TinyModel;
    let pipeline: DetectionPipeline;
    let image: Buffer;

    const summary = async (options?: DetectionOptions) => {
      const result = await pipeline.detect(image, options);
      return result.detections.map(({ label, box }) => ({ label, box }));
    };

    beforeAll(async () => {
      const manifest: ModelManifestFile = { ...tinyManifestBase(CLASSES), family: 'yolov8', outputs: { predictions: 'output0' } };
      model = await openTinyModel(
        { input: { name: 'images', dims: [1, 3, 64, 64] }, constants: [{ name: 'output0', dims: [1, 4 + CLASSES, ANCHORS.length], data: yoloPredictions() }] },
        manifest,
      );
      pipeline = await pipelineFor(model);
      image = await greyImage(64, 64);
    });

    afterAll(async () => {
      await model?.dispose();
    });

    it('suppresses within a class, clips and drops empty boxes', async () => {
      expect(await summary()).toEqual([
        { label: 'class-0', box: { x1: 22, y1: 22, x2: 42, y2: 42 } },
        { label: 'class-1', box: { x1: 23, y1: 23, x2: 43, y2: 43 } },
        { label: 'class-2', box: { x1: 50, y1: 50, x2: 64, y2: 64 } },
      ]);
    });

    it('reports the defaults it applied', async () => {
      const result = await pipeline.detect(image);

      expect(result.appliedOptions).toEqual({ minScore: 0.25, iouThreshold: 0.5, classes: null, maxDetections: 100, classAgnostic: false });
      expect(result.batchSize).toBe(1);
    });

    it('drops scores below minScore', async () => {
      expect((await summary({ minScore: 0.5 })).map(({ label }) => label)).toEqual(['class-0', 'class-1']);
    });

    it('suppresses across classes when class-agnostic', async () => {
      expect((await summary({ classAgnostic: true })).map(({ label }) => label)).toEqual(['class-0', 'class-2']);
    });

    it('keeps the requested classes only', async () => {
      expect((await summary({ classes: ['class-1'] })).map(({ label }) => label)).toEqual(['class-1']);
    });

    it('matches nothing for an unknown class name', async () => {
      const result = await pipeline.detect(image, { classes: ['unicorn'] });

      expect(result.detections).toEqual([]);
      expect(result.appliedOptions.classes).toEqual(['unicorn']);
    });

    it('caps the count at maxDetections', async () => {
      expect((await summary({ maxDetections: 1 })).map(({ label }) => label)).toEqual(['class-0']);
    });

    it('keeps same-class overlaps below the IoU threshold', async () => {
      expect((await summary({ iouThreshold: 0.9 })).map(({ label }) => label)).toEqual(['class-0', 'class-1', 'class-0', 'class-2']);
    });
  });

  describe('with an end-to-end head', () => {
    let model: TinyModel;
    let pipeline: DetectionPipeline;

    beforeAll(async () => {
      const manifest: ModelManifestFile = { ...tinyManifestBase(CLASSES), family: 'end2end', outputs: { detections: 'detections' } };
      const rows = [
        [10, 10, 30, 30, 0.6, 1],
        [11, 11, 31, 31, 0.7, 1],
        [40, 40, 80, 70, 0.5, 0],
        [0, 0, 0, 0, 0, 0],
      ];
      model = await openTinyModel({ input: { name: 'images', dims: [1, 3, 64, 64] }, constants: [{ name: 'detections', dims: [1, 4, 6], data: rows.flat() }] }, manifest);
      pipeline = await pipelineFor(model);
    });

    afterAll(async () => {
      await model?.dispose();
    });

    it('skips NMS but sorts, clips and caps', async () => {
      const image = await greyImage(64, 64);

      const all = await pipeline.detect(image);
      const capped = await pipeline.detect(image, { maxDetections: 2, minScore: 0 });

      expect(all.detections.map(({ box }) => box)).toEqual([
        { x1: 11, y1: 11, x2: 31, y2: 31 },
        { x1: 10, y1: 10, x2: 30, y2: 30 },
        { x1: 40, y1: 40, x2: 64, y2: 64 },
      ]);
      expect(capped.detections).toHaveLength(2);
    });
  });

  describe('with a stretched NHWC SSD input', () => {
    let model: TinyModel;
    let pipeline: DetectionPipeline;

    beforeAll(async () => {
      const outputs = { boxes: 'boxes', scores: 'scores', classes: 'classes' };
      const manifest: ModelManifestFile = {
        ...tinyManifestBase(CLASSES, tinyInput({ width: 300, height: 300, layout: 'NHWC', resize: 'stretch' })),
        family: 'ssd',
        outputs,
      };
      model = await openTinyModel(
        {
          input: { name: 'images', dims: [1, 300, 300, 3] },
          constants: [
            { name: 'boxes', dims: [1, 1, 4], data: [0.25, 0.5, 0.75, 1.0] },
            { name: 'scores', dims: [1, 1], data: [0.8] },
            { name: 'classes', dims: [1, 1], data: [2] },
          ],
        },
        manifest,
      );
      pipeline = await pipelineFor(model);
    });

    afterAll(async () => {
      await model?.dispose();
    });

    it('maps boxes to the whole original image', async () => {
      const result = await pipeline.detect(await greyImage(640, 480));

      expect(result.width).toBe(640);
      expect(result.height).toBe(480);
      expect(result.detections).toHaveLength(1);
      const { box } = result.detections[0]!;
      expect(box.x1).toBeCloseTo(320, 6);
      expect(box.y1).toBeCloseTo(120, 6);
      expect(box.x2).toBeCloseTo(640, 6);
      expect(box.y2).toBeCloseTo(360, 6);
    });
  });
});
