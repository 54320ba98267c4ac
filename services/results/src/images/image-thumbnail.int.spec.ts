import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ObjectStore } from '@lookout/storage';
import sharp from 'sharp';

import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';

describe('GET /v1/images/:id/thumbnail', () => {
  let results: ResultsTestApp;
  let store: ObjectStore;

  beforeAll(async () => {
    results = await startResultsTestApp('results_thumbnail');
    store = new ObjectStore(results.bucket);
  });

  afterAll(async () => {
    store?.close();
    await results?.close();
  });

  it('streams the stored WebP with a long cache lifetime', async () => {
    const imageId = randomUUID();
    const thumbnail = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 20, g: 120, b: 220 } } }).webp().toBuffer();
    await store.put(`thumbnails/${imageId}.webp`, thumbnail, 'image/webp');

    const response = await fetch(`${results.baseUrl}/v1/images/${imageId}/thumbnail`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('content-length')).toBe(String(thumbnail.length));
    expect(response.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer()).equals(thumbnail)).toBe(true);
  });

  it('returns 404 thumbnail_not_found when none is stored', async () => {
    const response = await fetch(`${results.baseUrl}/v1/images/${randomUUID()}/thumbnail`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('thumbnail_not_found');
  });

  it('returns 400 for an id that is not a UUID', async () => {
    const response = await fetch(`${results.baseUrl}/v1/images/not-a-uuid/thumbnail`);

    expect(response.status).toBe(400);
  });
});
