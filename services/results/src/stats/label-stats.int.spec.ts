import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { completedData, detection, uploadedData } from '../../test/event-fixtures.js';
import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';
import { ImagesRepository } from '../images/images.repository.js';
import type { LabelStatsView } from './label-stats.service.js';

describe('GET /v1/stats/labels', () => {
  let results: ResultsTestApp;

  beforeAll(async () => {
    results = await startResultsTestApp('results_stats');
    const repository = results.app.get(ImagesRepository);
    const store = async (uploadedAt: string, model: { id: string; version: string }, detections: ReturnType<typeof detection>[]) => {
      const imageId = randomUUID();
      await repository.saveUploaded(uploadedData(imageId, { uploadedAt }));
      await repository.saveCompleted(completedData(imageId, { model, detections }));
      return imageId;
    };
    const nanodet = { id: 'nanodet-g-416', version: '1.0.0' };

    await store('2025-12-01T00:00:00.000Z', nanodet, [detection('dog', 0.9), detection('dog', 0.5), detection('cat', 0.4, 15)]);
    await store('2025-12-03T12:00:00.000Z', nanodet, [detection('dog', 0.7)]);
    await store('2025-12-05T00:00:00.000Z', { id: 'yolo', version: '8' }, [detection('cat', 0.95, 15)]);
    // Outside the range: at `to`, which is exclusive, and before `from`.
    await store('2025-12-08T00:00:00.000Z', nanodet, [detection('dog', 0.99)]);
    await store('2025-11-30T23:59:59.999Z', nanodet, [detection('bird', 0.99, 14)]);

    // An older result of another model: only the image's current model counts.
    const replaced = await store('2025-12-02T00:00:00.000Z', { id: 'old-model', version: '1' }, [detection('horse', 0.8, 17)]);
    await repository.saveCompleted(completedData(replaced, { model: nanodet, detections: [detection('cat', 0.6, 15)], completedAt: '2025-12-04T10:10:00.000Z' }));
  });

  afterAll(async () => {
    await results?.close();
  });

  async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${results.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  it('counts images, detections and the best score of each label over the range', async () => {
    const { status, body } = await getJson<LabelStatsView>('/v1/stats/labels?from=2025-12-01T00:00:00Z&to=2025-12-08T00:00:00Z');

    expect(status).toBe(200);
    expect(body).toEqual({
      labels: [
        { label: 'cat', images: 3, detections: 3, maxScore: 0.95 },
        { label: 'dog', images: 2, detections: 3, maxScore: 0.9 },
      ],
      from: '2025-12-01T00:00:00.000Z',
      to: '2025-12-08T00:00:00.000Z',
    });
  });

  it('counts one model only', async () => {
    const { body } = await getJson<LabelStatsView>('/v1/stats/labels?from=2025-12-01T00:00:00Z&to=2025-12-08T00:00:00Z&modelId=yolo');

    expect(body.labels).toEqual([{ label: 'cat', images: 1, detections: 1, maxScore: 0.95 }]);
  });

  it('returns an empty list for a range without results', async () => {
    const { body } = await getJson<LabelStatsView>('/v1/stats/labels?from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z');

    expect(body.labels).toEqual([]);
  });

  it.each([
    ['from', 'to=2025-12-08T00:00:00Z', 'Invalid parameter from: is required'],
    ['to', 'from=2025-12-01T00:00:00Z&to=2025-11-01T00:00:00Z', 'Invalid parameter to: must be later than from'],
    ['to', 'from=2025-01-01T00:00:00Z&to=2025-12-01T00:00:00Z', 'Invalid parameter to: must be at most 92 days after from'],
    ['modelId', 'from=2025-12-01T00:00:00Z&to=2025-12-08T00:00:00Z&modelId=', 'Invalid parameter modelId: must not be empty'],
  ])('rejects an invalid %s with 400', async (_parameter, query, message) => {
    const { status, body } = await getJson<{ error: { code: string; message: string } }>(`/v1/stats/labels?${query}`);

    expect(status).toBe(400);
    expect(body.error).toEqual({ code: 'invalid_parameter', message });
  });
});
