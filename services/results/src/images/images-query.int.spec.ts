import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { completedData, detection, failedData, uploadedData } from '../../test/event-fixtures.js';
import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';
import { IMAGE_STATUSES } from './image.entity.js';
import type { ImageView } from './image-view.js';
import { ImagesRepository } from './images.repository.js';

const TIME_PROBLEM = 'must be an ISO 8601 time with a UTC offset, such as 2025-12-04T10:00:00Z';

interface Page {
  images: ImageView[];
  nextCursor: string | null;
}

describe('GET /v1/images filters and paging', () => {
  let results: ResultsTestApp;
  let repository: ImagesRepository;

  beforeAll(async () => {
    results = await startResultsTestApp('results_query');
    repository = results.app.get(ImagesRepository);
  });

  afterAll(async () => {
    await results?.close();
  });

  async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${results.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  async function page(query: string): Promise<Page> {
    const { status, body } = await getJson<Page>(`/v1/images?${query}`);
    expect(status).toBe(200);
    return body;
  }

  /** Stores an uploaded image with one detection of `label` from the given model. */
  async function storeDone(label: string, uploadedAt: string, fields: { score?: number; modelId?: string; modelVersion?: string } = {}): Promise<string> {
    const imageId = randomUUID();
    await repository.saveUploaded(uploadedData(imageId, { uploadedAt }));
    await repository.saveCompleted(
      completedData(imageId, {
        model: { id: fields.modelId ?? 'nanodet-g-416', version: fields.modelVersion ?? '1.0.0' },
        detections: [detection(label, fields.score ?? 0.8)],
      }),
    );
    return imageId;
  }

  function minutesAfter(base: string, minutes: number): string {
    return new Date(new Date(base).getTime() + minutes * 60_000).toISOString();
  }

  describe('cursor paging while results arrive', () => {
    const label = `paging-${randomUUID()}`;
    const base = '2025-12-10T10:00:00.000Z';
    let seeded: string[];

    beforeAll(async () => {
      // Seven images one minute apart, stored oldest first; the listing returns them newest first.
      const ids: string[] = [];
      for (let i = 0; i < 7; i += 1) {
        ids.push(await storeDone(label, minutesAfter(base, i)));
      }
      seeded = ids.reverse();
    });

    it('neither repeats nor skips images when newer ones arrive between pages', async () => {
      const seen: string[] = [];

      const first = await page(`label=${label}&limit=3`);
      seen.push(...first.images.map((image) => image.id));
      // Newer images arrive before each of the next requests.
      const arrived = [await storeDone(label, minutesAfter(base, 60)), await storeDone(label, minutesAfter(base, 61))];
      const second = await page(`label=${label}&limit=3&cursor=${first.nextCursor}`);
      seen.push(...second.images.map((image) => image.id));
      arrived.push(await storeDone(label, minutesAfter(base, 62)));
      const third = await page(`label=${label}&limit=3&cursor=${second.nextCursor}`);
      seen.push(...third.images.map((image) => image.id));

      expect(seen).toEqual(seeded);
      expect(third.nextCursor).toBeNull();
      const fresh = await page(`label=${label}&limit=3`);
      expect(fresh.images.map((image) => image.id)).toEqual(arrived.reverse());
    });

    it('orders images with one upload time by id, descending', async () => {
      const tieLabel = `tie-${randomUUID()}`;
      const ids = [await storeDone(tieLabel, base), await storeDone(tieLabel, base), await storeDone(tieLabel, base)];

      const first = await page(`label=${tieLabel}&limit=2`);
      const second = await page(`label=${tieLabel}&limit=2&cursor=${first.nextCursor}`);

      expect([...first.images, ...second.images].map((image) => image.id)).toEqual([...ids].sort().reverse());
      expect(second.nextCursor).toBeNull();
    });
  });

  describe('filters', () => {
    const label = `filter-${randomUUID()}`;
    const modelId = `model-${randomUUID()}`;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ids.early = await storeDone(label, '2025-12-01T09:00:00.000Z', { score: 0.9, modelId, modelVersion: '1.9.0' });
      ids.start = await storeDone(label, '2025-12-01T10:00:00.000Z', { score: 0.4, modelId, modelVersion: '1.10.0' });
      ids.middle = await storeDone(label, '2025-12-01T11:00:00.000Z', { score: 0.7, modelId, modelVersion: '1.10.0' });
      ids.end = await storeDone(label, '2025-12-01T12:00:00.000Z', { score: 0.95 });

      ids.failed = randomUUID();
      await repository.saveUploaded(uploadedData(ids.failed, { uploadedAt: '2025-12-01T10:30:00.000Z' }));
      await repository.saveFailed(failedData(ids.failed, { model: { id: modelId, version: '1.10.0' } }));
      ids.queued = randomUUID();
      await repository.saveUploaded(uploadedData(ids.queued, { uploadedAt: '2025-12-01T10:45:00.000Z' }));
    });

    async function listIds(query: string): Promise<string[]> {
      return (await page(`${query}&limit=100`)).images.map((image) => image.id);
    }

    it('keeps uploads from from, inclusive, to to, exclusive', async () => {
      expect(await listIds(`label=${label}&from=2025-12-01T10:00:00Z&to=2025-12-01T12:00:00Z`)).toEqual([ids.middle, ids.start]);
    });

    it('accepts times with a UTC offset', async () => {
      expect(await listIds(`label=${label}&from=2025-12-01T12:00:00%2B02:00&to=2025-12-01T14:00:00%2B02:00`)).toEqual([ids.middle, ids.start]);
    });

    it('combines label, minScore and time range', async () => {
      expect(await listIds(`label=${label}&minScore=0.5&from=2025-12-01T08:00:00Z&to=2025-12-01T12:00:00Z`)).toEqual([ids.middle, ids.early]);
    });

    it('filters by model and model version', async () => {
      expect(await listIds(`modelId=${modelId}`)).toEqual([ids.middle, ids.failed, ids.start, ids.early]);
      expect(await listIds(`modelId=${modelId}&modelVersion=1.10.0&status=done`)).toEqual([ids.middle, ids.start]);
    });

    it('filters by status', async () => {
      const window = 'from=2025-12-01T00:00:00Z&to=2025-12-02T00:00:00Z';

      expect(await listIds(`status=failed&${window}`)).toEqual([ids.failed]);
      expect(await listIds(`status=queued&${window}`)).toEqual([ids.queued]);
      expect(await listIds(`status=done&${window}`)).toEqual([ids.end, ids.middle, ids.start, ids.early]);
    });

    it.each([
      ['from', 'from=yesterday', TIME_PROBLEM],
      ['from', 'from=2025-12-01', TIME_PROBLEM],
      ['to', 'from=2025-12-02T00:00:00Z&to=2025-12-01T00:00:00Z', 'must be later than from'],
      ['status', 'status=lost', `must be one of ${IMAGE_STATUSES.join(', ')}`],
      ['modelId', 'modelId=%20', 'must not be empty'],
      ['modelVersion', 'modelVersion=', 'must not be empty'],
      ['minScore', 'minScore=1e-3', 'must be a number from 0 to 1'],
      ['limit', 'limit=101', 'must be an integer from 1 to 100'],
      ['to', 'to=2025-12-01T00:00:00Z&to=2025-12-02T00:00:00Z', 'must be given once'],
    ])('rejects an invalid %s with 400', async (parameter, query, problem) => {
      const { status, body } = await getJson<{ error: { code: string; message: string } }>(`/v1/images?${query}`);

      expect(status).toBe(400);
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message).toBe(`Invalid parameter ${parameter}: ${problem}`);
    });
  });
});
