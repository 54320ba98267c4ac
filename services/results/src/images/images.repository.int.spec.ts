import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';

import { completedData, detection, failedData, TEST_MODEL, uploadedData } from '../../test/event-fixtures.js';
import { createMigratedDataSource } from '../../test/migrated-data-source.js';
import { ImagesRepository } from './images.repository.js';

describe('ImagesRepository', () => {
  let dataSource: DataSource;
  let repository: ImagesRepository;

  beforeAll(async () => {
    ({ dataSource } = await createMigratedDataSource('results_repository'));
    repository = new ImagesRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  async function detectionCount(imageId: string): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await dataSource.query(`select count(*)::int as count from detections where image_id = $1`, [imageId]);
    return count;
  }

  it('stores an upload as queued', async () => {
    const imageId = randomUUID();

    expect((await repository.saveUploaded(uploadedData(imageId))).status).toBe('queued');

    const found = await repository.findById(imageId);
    expect(found?.image.status).toBe('queued');
    expect(found?.image.objectKey).toBe(`images/${imageId}.jpg`);
    expect(found?.detections).toEqual([]);
  });

  it('keeps one copy of the detections when a completed event arrives twice', async () => {
    const imageId = randomUUID();
    await repository.saveUploaded(uploadedData(imageId));
    const completed = completedData(imageId);

    await repository.saveCompleted(completed);
    await repository.saveCompleted(completed);

    expect(await detectionCount(imageId)).toBe(2);
    expect((await repository.findById(imageId))?.image.status).toBe('done');
  });

  it('keeps one copy when both deliveries run at the same time', async () => {
    const imageId = randomUUID();
    const completed = completedData(imageId);

    await Promise.all([repository.saveCompleted(completed), repository.saveCompleted(completed)]);

    expect(await detectionCount(imageId)).toBe(2);
  });

  it('keeps done when the upload event arrives after the result', async () => {
    const imageId = randomUUID();
    await repository.saveCompleted(completedData(imageId));

    const { status } = await repository.saveUploaded(uploadedData(imageId));

    expect(status).toBe('done');
    const found = await repository.findById(imageId);
    expect(found?.image.status).toBe('done');
    expect(found?.image.contentType).toBe('image/jpeg');
    expect(found?.image.bytes).toBe(163_759);
    expect(found?.image.uploadedAt.toISOString()).toBe('2025-12-04T10:00:00.123Z');
    expect(found?.detections).toHaveLength(2);
  });

  it('marks an image failed with its reason and message', async () => {
    const imageId = randomUUID();
    await repository.saveUploaded(uploadedData(imageId));

    const { status } = await repository.saveFailed(failedData(imageId, { reason: 'object_missing', message: 'no such key' }));

    expect(status).toBe('failed');
    const image = (await repository.findById(imageId))?.image;
    expect(image?.status).toBe('failed');
    expect(image?.failureReason).toBe('object_missing');
    expect(image?.failureMessage).toBe('no such key');
  });

  it('keeps failed when the upload event arrives after the failure', async () => {
    const imageId = randomUUID();
    await repository.saveFailed(failedData(imageId));

    expect((await repository.saveUploaded(uploadedData(imageId))).status).toBe('failed');
  });

  it('keeps done when a failure arrives after the result', async () => {
    const imageId = randomUUID();
    await repository.saveCompleted(completedData(imageId));

    expect((await repository.saveFailed(failedData(imageId))).status).toBe('done');
    expect((await repository.findById(imageId))?.image.failureReason).toBeNull();
  });

  it('replaces a failure with a later result', async () => {
    const imageId = randomUUID();
    await repository.saveFailed(failedData(imageId));

    expect((await repository.saveCompleted(completedData(imageId))).status).toBe('done');
    const image = (await repository.findById(imageId))?.image;
    expect(image?.failureReason).toBeNull();
    expect(image?.failureMessage).toBeNull();
  });

  it('ignores a result older than the stored one', async () => {
    const imageId = randomUUID();
    await repository.saveCompleted(completedData(imageId, { completedAt: '2025-12-04T10:05:00.000Z', detections: [detection('cat', 0.7, 15)] }));

    await repository.saveCompleted(completedData(imageId, { completedAt: '2025-12-04T10:01:00.000Z', detections: [detection('dog', 0.9)] }));

    const found = await repository.findById(imageId);
    expect(found?.detections.map((item) => item.label)).toEqual(['cat']);
    expect(found?.image.completedAt?.toISOString()).toBe('2025-12-04T10:05:00.000Z');
  });

  it('returns only the detections of the current model', async () => {
    const imageId = randomUUID();
    await repository.saveCompleted(completedData(imageId, { model: { id: 'old-model', version: '1' }, completedAt: '2025-12-04T10:01:00.000Z' }));

    await repository.saveCompleted(completedData(imageId, { detections: [detection('horse', 0.8, 17)], completedAt: '2025-12-04T10:02:00.000Z' }));

    const found = await repository.findById(imageId);
    expect(found?.image.modelId).toBe(TEST_MODEL.id);
    expect(found?.detections.map((item) => item.label)).toEqual(['horse']);
    expect(await detectionCount(imageId)).toBe(3);
  });

  it('reads scores, coordinates and timings back as numbers and times in UTC', async () => {
    const imageId = randomUUID();
    await repository.saveUploaded(uploadedData(imageId, { uploadedAt: '2025-12-04T12:00:00.250+02:00' }));
    await repository.saveCompleted(completedData(imageId, { detections: [detection('dog', 0.123456789)] }));

    const found = await repository.findById(imageId);

    const stored = found!.detections[0]!;
    expect(stored.score).toBe(0.123456789);
    expect(stored.classId).toBe(16);
    expect([stored.x1, stored.y1, stored.x2, stored.y2]).toEqual([131.5, 219.25, 309.75, 541.125]);
    expect(found!.image.totalMs).toBe(70.125);
    expect(found!.image.width).toBe(768);
    expect(found!.image.uploadedAt.toISOString()).toBe('2025-12-04T10:00:00.250Z');
  });

  it('accepts a result with no detections', async () => {
    const imageId = randomUUID();

    expect((await repository.saveCompleted(completedData(imageId, { detections: [] }))).status).toBe('done');
    expect((await repository.findById(imageId))?.detections).toEqual([]);
  });

  it('stores the frame count and options of an upload', async () => {
    const imageId = randomUUID();
    const options = { minScore: 0.25, iouThreshold: 0.5, classes: ['dog', 'traffic light'], maxDetections: 10, classAgnostic: true };

    await repository.saveUploaded(uploadedData(imageId, { pages: 7, options }));

    const image = (await repository.findById(imageId))?.image;
    expect(image?.pages).toBe(7);
    expect(image?.options).toEqual(options);
  });

  it('stores null for an upload event without a frame count or options', async () => {
    const imageId = randomUUID();

    await repository.saveUploaded(uploadedData(imageId));

    const image = (await repository.findById(imageId))?.image;
    expect(image?.pages).toBeNull();
    expect(image?.options).toBeNull();
  });

  it('clears applied options when a later result has none', async () => {
    const imageId = randomUUID();
    const applied = { minScore: 0.35, iouThreshold: 0.6, classes: null, maxDetections: 100, classAgnostic: false };
    await repository.saveCompleted(completedData(imageId, { appliedOptions: applied, batchSize: 8, completedAt: '2025-12-04T10:01:00.000Z' }));

    await repository.saveCompleted(completedData(imageId, { completedAt: '2025-12-04T10:02:00.000Z' }));

    const image = (await repository.findById(imageId))?.image;
    expect(image?.appliedOptions).toBeNull();
    expect(image?.batchSize).toBeNull();
  });

  it('reads applied options back as stored', async () => {
    const imageId = randomUUID();
    const applied = { minScore: 0.35, iouThreshold: 0.6, classes: ['dog'], maxDetections: 100, classAgnostic: false };

    await repository.saveCompleted(completedData(imageId, { appliedOptions: applied, batchSize: 8 }));

    const image = (await repository.findById(imageId))?.image;
    expect(image?.appliedOptions).toEqual(applied);
    expect(image?.batchSize).toBe(8);
  });

  describe('model versions', () => {
    const model = (version: string) => ({ id: TEST_MODEL.id, version });

    it('keeps a newer version when an older one completes later', async () => {
      const imageId = randomUUID();
      await repository.saveCompleted(completedData(imageId, { model: model('1.10.0'), completedAt: '2025-12-04T10:01:00.000Z', detections: [detection('cat', 0.7, 15)] }));

      await repository.saveCompleted(completedData(imageId, { model: model('1.9.0'), completedAt: '2025-12-04T10:05:00.000Z', detections: [detection('dog', 0.9)] }));

      const found = await repository.findById(imageId);
      expect(found?.image.modelVersion).toBe('1.10.0');
      expect(found?.image.completedAt?.toISOString()).toBe('2025-12-04T10:01:00.000Z');
      expect(found?.detections.map((item) => item.label)).toEqual(['cat']);
      expect(await detectionCount(imageId)).toBe(1);
    });

    it('replaces an older version that completed later', async () => {
      const imageId = randomUUID();
      await repository.saveCompleted(completedData(imageId, { model: model('1.9.0'), completedAt: '2025-12-04T10:05:00.000Z', detections: [detection('dog', 0.9)] }));

      await repository.saveCompleted(completedData(imageId, { model: model('1.10.0'), completedAt: '2025-12-04T10:01:00.000Z', detections: [detection('cat', 0.7, 15)] }));

      const found = await repository.findById(imageId);
      expect(found?.image.modelVersion).toBe('1.10.0');
      expect(found?.detections.map((item) => [item.label, item.modelVersion])).toEqual([['cat', '1.10.0']]);
      expect(await detectionCount(imageId)).toBe(1);
    });

    it('keeps one copy when both versions arrive at the same time', async () => {
      const imageId = randomUUID();
      const older = completedData(imageId, { model: model('1.9.0'), detections: [detection('dog', 0.9)] });
      const newer = completedData(imageId, { model: model('1.10.0'), detections: [detection('cat', 0.7, 15)] });

      await Promise.all([repository.saveCompleted(older), repository.saveCompleted(newer), repository.saveCompleted(older)]);

      const found = await repository.findById(imageId);
      expect(found?.image.modelVersion).toBe('1.10.0');
      expect(found?.detections.map((item) => item.label)).toEqual(['cat']);
      expect(await detectionCount(imageId)).toBe(1);
    });

    it('keeps the failure reason of a failed image', async () => {
      const imageId = randomUUID();
      await repository.saveUploaded(uploadedData(imageId));

      const { status } = await repository.saveFailed(failedData(imageId, { model: model('1.10.0'), reason: 'inference_failed', message: 'session run failed' }));

      expect(status).toBe('failed');
      const image = (await repository.findById(imageId))?.image;
      expect(image?.failureReason).toBe('inference_failed');
      expect(image?.failureMessage).toBe('session run failed');
      expect(image?.modelVersion).toBe('1.10.0');
    });
  });

  describe('updatedAt', () => {
    it('grows with every change of an image, even within one millisecond', async () => {
      const imageId = randomUUID();
      const times: number[] = [];

      times.push((await repository.saveUploaded(uploadedData(imageId))).updatedAt.getTime());
      times.push((await repository.saveFailed(failedData(imageId))).updatedAt.getTime());
      times.push((await repository.saveCompleted(completedData(imageId))).updatedAt.getTime());
      times.push((await repository.saveUploaded(uploadedData(imageId))).updatedAt.getTime());

      for (let i = 1; i < times.length; i += 1) {
        expect(times[i]!).toBeGreaterThan(times[i - 1]!);
      }
    });

    it('stays the same when a write changes nothing', async () => {
      const imageId = randomUUID();
      const stored = await repository.saveCompleted(completedData(imageId, { completedAt: '2025-12-04T10:05:00.000Z' }));

      const ignored = await repository.saveCompleted(completedData(imageId, { completedAt: '2025-12-04T10:01:00.000Z' }));

      expect(ignored).toEqual(stored);
    });
  });
});
