import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';

import { completedData, detection, uploadedData } from '../../test/event-fixtures.js';
import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';
import { ImagesRepository } from '../images/images.repository.js';
import type { CocoResults } from './coco-format.js';
import { MAX_EXPORT_IMAGES } from './coco-export.service.js';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('COCO export', () => {
  let results: ResultsTestApp;
  let repository: ImagesRepository;

  beforeAll(async () => {
    results = await startResultsTestApp('results_coco');
    repository = results.app.get(ImagesRepository);
  });

  afterAll(async () => {
    await results?.close();
  });

  async function get<T>(path: string): Promise<{ response: Response; body: T }> {
    const response = await fetch(`${results.baseUrl}${path}`);
    return { response, body: (await response.json()) as T };
  }

  describe('GET /v1/images/:id/coco', () => {
    it('returns the image and its detections as a COCO download', async () => {
      const imageId = randomUUID();
      await repository.saveUploaded(uploadedData(imageId, { object: { bucket: 'lookout-images', key: `images/2025/12/04/${imageId}.jpg` } }));
      await repository.saveCompleted(completedData(imageId));

      const { response, body } = await get<CocoResults>(`/v1/images/${imageId}/coco`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="lookout-${imageId}.coco.json"`);
      expect(body).toEqual({
        images: [{ id: 1, file_name: `${imageId}.jpg`, width: 768, height: 576 }],
        categories: [
          { id: 2, name: 'bicycle' },
          { id: 17, name: 'dog' },
        ],
        annotations: [
          { id: 1, image_id: 1, category_id: 17, bbox: [131.5, 219.25, 178.25, 321.88], score: 0.875, area: 57374.22 },
          { id: 2, image_id: 1, category_id: 2, bbox: [131.5, 219.25, 178.25, 321.88], score: 0.625, area: 57374.22 },
        ],
      });
    });

    it('returns 404 for an unknown image', async () => {
      const { response, body } = await get<ErrorBody>(`/v1/images/${randomUUID()}/coco`);

      expect(response.status).toBe(404);
      expect(body.error.code).toBe('image_not_found');
    });
  });

  describe('GET /v1/exports/coco', () => {
    it('exports the done images that match the filters, newest first', async () => {
      const label = `export-${randomUUID()}`;
      const older = randomUUID();
      const newer = randomUUID();
      const queued = randomUUID();
      await repository.saveUploaded(uploadedData(older, { uploadedAt: '2025-12-02T10:00:00.000Z' }));
      await repository.saveCompleted(completedData(older, { detections: [detection(label, 0.6, 7)] }));
      await repository.saveUploaded(uploadedData(newer, { uploadedAt: '2025-12-02T11:00:00.000Z' }));
      await repository.saveCompleted(completedData(newer, { detections: [detection(label, 0.9, 7), detection('person', 0.3, 0)] }));
      await repository.saveUploaded(uploadedData(queued, { uploadedAt: '2025-12-02T12:00:00.000Z' }));

      const { response, body } = await get<CocoResults>(`/v1/exports/coco?label=${label}&from=2025-12-02T00:00:00Z`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="lookout-export-\d{8}T\d{6}Z\.coco\.json"$/);
      expect(body.images.map((image) => image.file_name)).toEqual([`${newer}.jpg`, `${older}.jpg`]);
      expect(body.categories).toEqual([
        { id: 1, name: 'person' },
        { id: 8, name: label },
      ]);
      expect(body.annotations.map((annotation) => [annotation.image_id, annotation.category_id, annotation.score])).toEqual([
        [1, 8, 0.9],
        [1, 1, 0.3],
        [2, 8, 0.6],
      ]);
    });

    it('rejects a status other than done', async () => {
      const { response, body } = await get<ErrorBody>('/v1/exports/coco?status=queued');

      expect(response.status).toBe(400);
      expect(body.error).toEqual({
        code: 'invalid_parameter',
        message: 'Invalid parameter status: must be done, because an export contains only images with a result',
      });
    });

    it('rejects one class id with two labels', async () => {
      const tag = randomUUID();
      // Newest first, so the export meets dog before hound.
      for (const [model, label, uploadedAt] of [
        ['model-a', 'dog', '2025-11-01T10:00:01.000Z'],
        ['model-b', 'hound', '2025-11-01T10:00:00.000Z'],
      ] as const) {
        const imageId = randomUUID();
        await repository.saveUploaded(uploadedData(imageId, { uploadedAt }));
        await repository.saveCompleted(completedData(imageId, { model: { id: `${model}-${tag}`, version: '1' }, detections: [detection(label, 0.9, 16)] }));
      }

      const { response, body } = await get<ErrorBody>('/v1/exports/coco?from=2025-11-01T00:00:00Z&to=2025-11-02T00:00:00Z');

      expect(response.status).toBe(400);
      expect(body.error.code).toBe('category_conflict');
      expect(body.error.message).toContain('Class id 16 is "dog" in one exported result and "hound" in another');
    });

    it(`exports ${MAX_EXPORT_IMAGES} images and rejects one more`, async () => {
      const modelId = `bulk-${randomUUID()}`;
      const dataSource = results.app.get<DataSource>(getDataSourceToken());
      const insertImages = (count: number) =>
        dataSource.query(
          `insert into images (id, status, width, height, model_id, model_version, uploaded_at, completed_at)
           select gen_random_uuid(), 'done', 640, 480, $1, '1', timestamptz '2025-10-01' + n * interval '1 second', now()
           from generate_series(1, $2) as n`,
          [modelId, count],
        );
      await insertImages(MAX_EXPORT_IMAGES);

      const full = await get<CocoResults>(`/v1/exports/coco?modelId=${modelId}`);
      expect(full.response.status).toBe(200);
      expect(full.body.images).toHaveLength(MAX_EXPORT_IMAGES);
      expect(new Set(full.body.images.map((image) => image.file_name)).size).toBe(MAX_EXPORT_IMAGES);

      await insertImages(1);
      const tooMany = await get<ErrorBody>(`/v1/exports/coco?modelId=${modelId}`);
      expect(tooMany.response.status).toBe(400);
      expect(tooMany.body.error).toEqual({
        code: 'export_too_large',
        message: `The filters match more than ${MAX_EXPORT_IMAGES} images, the most one export contains. Narrow them, for example with from and to.`,
      });
    });
  });
});
