import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, SUBJECTS, type DetectionsStartedV1 } from '@lookout/contracts';
import { connectNats, EventPublisher } from '@lookout/messaging';
import type { NatsConnection } from '@nats-io/transport-node';

import { completedData, failedData, uploadedData } from '../../test/event-fixtures.js';
import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';
import { SseClient } from '../../test/sse-client.js';
import type { ImageView } from './image-view.js';
import { ImagesService } from './images.service.js';

const SOURCE = '/lookout/results-test';

function startedData(imageId: string, attempt = 1): DetectionsStartedV1 {
  return {
    imageId,
    jobId: randomUUID(),
    detectorId: 'detector-test',
    model: { id: 'nanodet-g-416', version: '2025.1' },
    executionProvider: 'cpu',
    attempt,
    startedAt: '2025-12-04T10:00:00.500Z',
  };
}

describe('detecting status', () => {
  let results: ResultsTestApp;
  let nc: NatsConnection;
  let publisher: EventPublisher;
  let events: SseClient;
  let images: ImagesService;

  beforeAll(async () => {
    results = await startResultsTestApp('results_detecting');
    nc = await connectNats({ url: results.config.NATS_URL, name: 'results-detecting-test', logger: results.logger });
    publisher = new EventPublisher(nc, results.logger);
    events = await SseClient.open(`${results.baseUrl}/v1/events`);
    images = results.app.get(ImagesService);
  });

  afterAll(async () => {
    events?.close();
    await nc?.close();
    await results?.close();
  });

  async function statusOf(imageId: string): Promise<string> {
    const response = await fetch(`${results.baseUrl}/v1/images/${imageId}`);
    return ((await response.json()) as ImageView).status;
  }

  const started = (imageId: string, attempt = 1) => createEvent(SUBJECTS.detectionsStarted, { source: SOURCE, subject: imageId, data: startedData(imageId, attempt) });
  const uploaded = (imageId: string) => createEvent(SUBJECTS.imageUploaded, { source: SOURCE, subject: imageId, data: uploadedData(imageId) });

  it('marks a queued image detecting and streams the change', async () => {
    const imageId = randomUUID();
    const queued = events.next((event) => event.data === JSON.stringify({ imageId, status: 'queued' }));
    await publisher.publish(SUBJECTS.imageUploaded, uploaded(imageId));
    await queued;
    const detecting = events.next((event) => event.event === 'image' && event.data === JSON.stringify({ imageId, status: 'detecting' }));

    await publisher.publish(SUBJECTS.detectionsStarted, started(imageId));
    await detecting;

    expect(await statusOf(imageId)).toBe('detecting');
  });

  it('keeps detecting when the upload arrives later', async () => {
    const imageId = randomUUID();

    await images.recordStarted(started(imageId));
    await images.recordUploaded(uploaded(imageId));

    expect(await statusOf(imageId)).toBe('detecting');
  });

  it('keeps a done image done', async () => {
    const imageId = randomUUID();
    await images.recordUploaded(uploaded(imageId));
    await images.recordCompleted(createEvent(SUBJECTS.detectionsCompleted, { source: SOURCE, subject: imageId, data: completedData(imageId) }));

    await images.recordStarted(started(imageId, 2));

    expect(await statusOf(imageId)).toBe('done');
  });

  it('keeps a failed image failed', async () => {
    const imageId = randomUUID();
    await images.recordFailed(createEvent(SUBJECTS.detectionsFailed, { source: SOURCE, subject: imageId, data: failedData(imageId) }));

    await images.recordStarted(started(imageId, 2));

    expect(await statusOf(imageId)).toBe('failed');
  });

  it('moves a detecting image to done', async () => {
    const imageId = randomUUID();
    await images.recordStarted(started(imageId));

    await images.recordCompleted(createEvent(SUBJECTS.detectionsCompleted, { source: SOURCE, subject: imageId, data: completedData(imageId) }));

    expect(await statusOf(imageId)).toBe('done');
  });

  it('lists detecting images by status', async () => {
    const imageId = randomUUID();
    await images.recordStarted(started(imageId));

    const response = await fetch(`${results.baseUrl}/v1/images?status=detecting&limit=100`);
    const body = (await response.json()) as { images: ImageView[] };

    expect(response.status).toBe(200);
    expect(body.images.map((image) => image.id)).toContain(imageId);
  });
});
