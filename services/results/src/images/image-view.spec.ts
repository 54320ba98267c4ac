import { describe, expect, it } from '@jest/globals';

import { DetectionEntity } from './detection.entity.js';
import { ImageEntity } from './image.entity.js';
import { toImageView } from './image-view.js';

const IMAGE_ID = '5b1d0c8e-3c55-4d5e-9a64-1e2f3a4b5c6d';

function image(fields: Partial<ImageEntity>): ImageEntity {
  return Object.assign(new ImageEntity(), {
    id: IMAGE_ID,
    status: 'queued',
    objectKey: `images/${IMAGE_ID}`,
    contentType: 'image/jpeg',
    bytes: 1000,
    width: 640,
    height: 480,
    originalName: 'dog.jpg',
    pages: null,
    options: null,
    appliedOptions: null,
    batchSize: null,
    modelId: null,
    modelVersion: null,
    executionProvider: null,
    detectorId: null,
    failureReason: null,
    failureMessage: null,
    decodeMs: null,
    inferenceMs: null,
    totalMs: null,
    uploadedAt: new Date('2025-12-04T10:00:00.000Z'),
    completedAt: null,
    updatedAt: new Date('2025-12-04T10:00:00.000Z'),
    ...fields,
  });
}

function detection(label: string, score: number): DetectionEntity {
  return Object.assign(new DetectionEntity(), {
    id: '1',
    imageId: IMAGE_ID,
    label,
    classId: 16,
    score,
    x1: 1.5,
    y1: 2.5,
    x2: 100.25,
    y2: 200.75,
    modelId: 'nanodet-g-416',
    modelVersion: '1',
  });
}

describe('toImageView', () => {
  it('maps a queued image with null result fields', () => {
    expect(toImageView(image({}), [])).toEqual({
      id: IMAGE_ID,
      status: 'queued',
      width: 640,
      height: 480,
      detections: [],
      model: null,
      executionProvider: null,
      timings: null,
      uploadedAt: '2025-12-04T10:00:00.000Z',
      completedAt: null,
      failure: null,
      originalName: 'dog.jpg',
      pages: null,
      options: null,
      appliedOptions: null,
      batchSize: null,
      fileUrl: `/v1/images/${IMAGE_ID}/file`,
      thumbnailUrl: `/v1/images/${IMAGE_ID}/thumbnail`,
    });
  });

  it('maps the frame count, options, applied options and batch size', () => {
    const options = { minScore: 0.5, classes: ['dog', 'cat'] };
    const appliedOptions = { minScore: 0.5, iouThreshold: 0.6, classes: ['dog', 'cat'], maxDetections: 100, classAgnostic: false };

    const view = toImageView(image({ status: 'done', pages: 3, options, appliedOptions, batchSize: 8 }), []);

    expect(view.pages).toBe(3);
    expect(view.options).toEqual(options);
    expect(view.appliedOptions).toEqual(appliedOptions);
    expect(view.batchSize).toBe(8);
  });

  it('maps a done image with its model, timings and detections best first', () => {
    const done = image({
      status: 'done',
      modelId: 'nanodet-g-416',
      modelVersion: '1',
      executionProvider: 'cpu',
      decodeMs: 3.5,
      inferenceMs: 40.25,
      totalMs: 45,
      completedAt: new Date('2025-12-04T10:00:01.500Z'),
    });

    const view = toImageView(done, [detection('bicycle', 0.6), detection('dog', 0.9)]);

    expect(view.model).toEqual({ id: 'nanodet-g-416', version: '1' });
    expect(view.executionProvider).toBe('cpu');
    expect(view.timings).toEqual({ decodeMs: 3.5, inferenceMs: 40.25, totalMs: 45 });
    expect(view.completedAt).toBe('2025-12-04T10:00:01.500Z');
    expect(view.detections.map((item) => item.label)).toEqual(['dog', 'bicycle']);
    expect(view.detections[0]).toEqual({ label: 'dog', classId: 16, score: 0.9, box: { x1: 1.5, y1: 2.5, x2: 100.25, y2: 200.75 } });
  });

  it('maps a failed image with its reason and message', () => {
    const failed = image({ status: 'failed', failureReason: 'decode_failed', failureMessage: 'not a JPEG' });

    expect(toImageView(failed, []).failure).toEqual({ reason: 'decode_failed', message: 'not a JPEG' });
  });
});
