import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { completedData, detection, uploadedData } from '../../test/event-fixtures.js';
import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';
import { ImagesRepository } from '../images/images.repository.js';
import { RESULTS_RPC_SUBJECTS } from './results-rpc-subjects.js';

const REQUEST_TIMEOUT_MS = 5_000;

describe('NATS request/reply', () => {
  let results: ResultsTestApp;
  let nc: NatsConnection;
  const label = `rpc-${randomUUID()}`;
  const imageIds: string[] = [];

  beforeAll(async () => {
    results = await startResultsTestApp('results_rpc');
    nc = await connect({ servers: results.config.NATS_URL, name: 'results-rpc-test' });
    const repository = results.app.get(ImagesRepository);
    for (const uploadedAt of ['2025-12-06T10:00:00.000Z', '2025-12-06T11:00:00.000Z']) {
      const imageId = randomUUID();
      await repository.saveUploaded(uploadedData(imageId, { uploadedAt }));
      await repository.saveCompleted(completedData(imageId, { detections: [detection(label, 0.8)] }));
      imageIds.push(imageId);
    }
  });

  afterAll(async () => {
    await nc?.close();
    await results?.close();
  });

  async function request(subject: string, body: unknown): Promise<unknown> {
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    return (await nc.request(subject, payload, { timeout: REQUEST_TIMEOUT_MS })).json();
  }

  async function httpJson(path: string): Promise<unknown> {
    return (await fetch(`${results.baseUrl}${path}`)).json();
  }

  it('returns an image as GET /v1/images/:id does', async () => {
    const reply = await request(RESULTS_RPC_SUBJECTS.getImage, { id: imageIds[0] });

    expect(reply).toEqual(await httpJson(`/v1/images/${imageIds[0]}`));
    expect(reply).toMatchObject({ id: imageIds[0], status: 'done' });
  });

  it('returns image_not_found for an unknown id', async () => {
    const id = randomUUID();

    expect(await request(RESULTS_RPC_SUBJECTS.getImage, { id })).toEqual({ error: { code: 'image_not_found', message: `Image ${id} not found` } });
  });

  it('returns invalid_parameter for an id that is not a UUID', async () => {
    expect(await request(RESULTS_RPC_SUBJECTS.getImage, { id: 42 })).toEqual({ error: { code: 'invalid_parameter', message: 'Invalid parameter id: must be a UUID' } });
  });

  it('lists images as GET /v1/images does, with JSON numbers accepted', async () => {
    const reply = await request(RESULTS_RPC_SUBJECTS.listImages, { label, minScore: 0.5, limit: 1 });
    const http = await httpJson(`/v1/images?label=${label}&minScore=0.5&limit=1`);

    expect(reply).toEqual(http);
    expect((reply as { images: Array<{ id: string }> }).images.map((image) => image.id)).toEqual([imageIds[1]]);
  });

  it('pages with the cursor of a previous reply', async () => {
    const first = (await request(RESULTS_RPC_SUBJECTS.listImages, { label, limit: 1 })) as { nextCursor: string };

    const second = (await request(RESULTS_RPC_SUBJECTS.listImages, { label, limit: 1, cursor: first.nextCursor })) as { images: Array<{ id: string }>; nextCursor: null };

    expect(second.images.map((image) => image.id)).toEqual([imageIds[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('returns label statistics as GET /v1/stats/labels does', async () => {
    const range = { from: '2025-12-06T00:00:00Z', to: '2025-12-07T00:00:00Z' };

    const reply = await request(RESULTS_RPC_SUBJECTS.labelStats, range);

    expect(reply).toEqual(await httpJson(`/v1/stats/labels?from=${range.from}&to=${range.to}`));
    expect(reply).toMatchObject({ labels: [{ label, images: 2, detections: 2, maxScore: 0.8 }] });
  });

  it.each([
    ['a body that is not JSON', 'not json', 'Invalid request: the body is not JSON'],
    ['a JSON array', '[1]', 'Invalid request: the body must be a JSON object'],
  ])('returns invalid_request for %s', async (_case, body, message) => {
    expect(await request(RESULTS_RPC_SUBJECTS.listImages, body)).toEqual({ error: { code: 'invalid_request', message } });
  });

  it('returns invalid_parameter naming the parameter', async () => {
    expect(await request(RESULTS_RPC_SUBJECTS.labelStats, { from: '2025-12-06T00:00:00Z' })).toEqual({
      error: { code: 'invalid_parameter', message: 'Invalid parameter to: is required' },
    });
  });
});
