import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, SUBJECTS, type DetectionsCompletedV1 } from '@lookout/contracts';
import { connectNats, EventPublisher } from '@lookout/messaging';
import { ObjectStore } from '@lookout/storage';
import { photoPath } from '@lookout/testing';
import type { NatsConnection } from '@nats-io/transport-node';

import { completedData, detection, failedData, TEST_MODEL, uploadedData } from '../test/event-fixtures.js';
import { startResultsTestApp, type ResultsTestApp } from '../test/results-test-app.js';
import { SseClient } from '../test/sse-client.js';
import { ImagesRepository } from './images/images.repository.js';
import type { ImageView } from './images/image-view.js';

const SOURCE = '/lookout/results-test';

describe('results service', () => {
  let results: ResultsTestApp;
  let nc: NatsConnection;
  let publisher: EventPublisher;
  let events: SseClient;

  beforeAll(async () => {
    results = await startResultsTestApp('results_app');
    nc = await connectNats({ url: results.config.NATS_URL, name: 'results-test-publisher', logger: results.logger });
    publisher = new EventPublisher(nc, results.logger);
    events = await SseClient.open(`${results.baseUrl}/v1/events`);
  });

  afterAll(async () => {
    events?.close();
    await nc?.close();
    await results?.close();
  });

  function statusEvent(imageId: string, status: string, after = 0): Promise<unknown> {
    return events.next((event) => event.event === 'image' && event.data === JSON.stringify({ imageId, status }), { after });
  }

  async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${results.baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  async function publishCompleted(imageId: string, data: DetectionsCompletedV1): Promise<void> {
    await publisher.publish(SUBJECTS.detectionsCompleted, createEvent(SUBJECTS.detectionsCompleted, { source: SOURCE, subject: imageId, data }));
  }

  describe('events from JetStream', () => {
    it('stores an upload as queued and streams the change', async () => {
      const imageId = randomUUID();
      const stored = statusEvent(imageId, 'queued');

      await publisher.publish(SUBJECTS.imageUploaded, createEvent(SUBJECTS.imageUploaded, { source: SOURCE, subject: imageId, data: uploadedData(imageId) }));
      await stored;

      const { status, body } = await getJson<ImageView>(`/v1/images/${imageId}`);
      expect(status).toBe(200);
      expect(body).toEqual({
        id: imageId,
        status: 'queued',
        width: 768,
        height: 576,
        detections: [],
        model: null,
        executionProvider: null,
        timings: null,
        uploadedAt: '2025-12-04T10:00:00.123Z',
        completedAt: null,
        failure: null,
        originalName: 'dog.jpg',
        pages: null,
        options: null,
        appliedOptions: null,
        batchSize: null,
        fileUrl: `/v1/images/${imageId}/file`,
        thumbnailUrl: `/v1/images/${imageId}/thumbnail`,
      });
    });

    it('returns the frame count, options, applied options and batch size from the events', async () => {
      const imageId = randomUUID();
      const options = { minScore: 0.5, classes: ['dog'], classAgnostic: true };
      const appliedOptions = { minScore: 0.5, iouThreshold: 0.6, classes: ['dog'], maxDetections: 100, classAgnostic: true };
      const queued = statusEvent(imageId, 'queued');
      await publisher.publish(
        SUBJECTS.imageUploaded,
        createEvent(SUBJECTS.imageUploaded, { source: SOURCE, subject: imageId, data: uploadedData(imageId, { format: 'gif', pages: 12, options }) }),
      );
      await queued;
      const done = statusEvent(imageId, 'done');

      await publishCompleted(imageId, completedData(imageId, { appliedOptions, batchSize: 4 }));
      await done;

      const { body } = await getJson<ImageView>(`/v1/images/${imageId}`);
      expect(body.pages).toBe(12);
      expect(body.options).toEqual(options);
      expect(body.appliedOptions).toEqual(appliedOptions);
      expect(body.batchSize).toBe(4);
    });

    it('stores a detection result with numbers and UTC times', async () => {
      const imageId = randomUUID();
      const done = statusEvent(imageId, 'done');

      await publishCompleted(imageId, completedData(imageId));
      await done;

      const { body } = await getJson<ImageView>(`/v1/images/${imageId}`);
      expect(body.status).toBe('done');
      expect(body.model).toEqual(TEST_MODEL);
      expect(body.executionProvider).toBe('cpu');
      expect(body.timings).toEqual({ decodeMs: 4.5, inferenceMs: 61.25, totalMs: 70.125 });
      expect(body.completedAt).toBe('2025-12-04T10:00:01.456Z');
      expect(body.detections).toEqual([
        { label: 'dog', classId: 16, score: 0.875, box: { x1: 131.5, y1: 219.25, x2: 309.75, y2: 541.125 } },
        { label: 'bicycle', classId: 1, score: 0.625, box: { x1: 131.5, y1: 219.25, x2: 309.75, y2: 541.125 } },
      ]);
    });

    it('keeps one copy of the detections when a result is delivered twice', async () => {
      const imageId = randomUUID();
      const data = completedData(imageId);
      const first = statusEvent(imageId, 'done');
      await publishCompleted(imageId, data);
      await first;

      // A second event id gets past JetStream's duplicate window, as a redelivery after an ack timeout would.
      const second = statusEvent(imageId, 'done', events.received.length);
      await publishCompleted(imageId, data);
      await second;

      const { body } = await getJson<ImageView>(`/v1/images/${imageId}`);
      expect(body.detections).toHaveLength(2);
    });

    it('keeps done when the upload event arrives after the result', async () => {
      const imageId = randomUUID();
      const done = statusEvent(imageId, 'done');
      await publishCompleted(imageId, completedData(imageId));
      await done;

      // The upload's change event repeats the status that the database kept.
      const uploadStored = statusEvent(imageId, 'done', events.received.length);
      await publisher.publish(SUBJECTS.imageUploaded, createEvent(SUBJECTS.imageUploaded, { source: SOURCE, subject: imageId, data: uploadedData(imageId) }));
      await uploadStored;

      const { body } = await getJson<ImageView>(`/v1/images/${imageId}`);
      expect(body.status).toBe('done');
      expect(body.originalName).toBe('dog.jpg');
    });

    it('marks an image failed with its reason', async () => {
      const imageId = randomUUID();
      const failed = statusEvent(imageId, 'failed');

      await publisher.publish(
        SUBJECTS.detectionsFailed,
        createEvent(SUBJECTS.detectionsFailed, { source: SOURCE, subject: imageId, data: failedData(imageId, { reason: 'inference_failed', message: 'session run failed' }) }),
      );
      await failed;

      const { body } = await getJson<ImageView>(`/v1/images/${imageId}`);
      expect(body.status).toBe('failed');
      expect(body.failure).toEqual({ reason: 'inference_failed', message: 'session run failed' });
    });
  });

  describe('GET /v1/images', () => {
    const label = `label-${randomUUID()}`;
    const otherLabel = `other-${randomUUID()}`;
    // Newest first: the two images at 10:00:03 are ordered by id, descending.
    const matching = [
      { id: 'ffffffff-0000-4000-8000-000000000001', uploadedAt: '2025-12-05T10:00:05.000Z', score: 0.9 },
      { id: 'ffffffff-0000-4000-8000-000000000002', uploadedAt: '2025-12-05T10:00:04.000Z', score: 0.5 },
      { id: 'ffffffff-0000-4000-8000-000000000004', uploadedAt: '2025-12-05T10:00:03.000Z', score: 0.75 },
      { id: 'ffffffff-0000-4000-8000-000000000003', uploadedAt: '2025-12-05T10:00:03.000Z', score: 0.6 },
      { id: 'ffffffff-0000-4000-8000-000000000005', uploadedAt: '2025-12-05T10:00:01.000Z', score: 1 },
    ];
    const belowMinScore = { id: 'ffffffff-0000-4000-8000-000000000006', uploadedAt: '2025-12-05T10:00:02.000Z', score: 0.49 };
    const otherLabelOnly = { id: 'ffffffff-0000-4000-8000-000000000007', uploadedAt: '2025-12-05T10:00:02.500Z', score: 0.99 };

    beforeAll(async () => {
      const repository = results.app.get(ImagesRepository);
      for (const image of [...matching, belowMinScore]) {
        await repository.saveUploaded(uploadedData(image.id, { uploadedAt: image.uploadedAt }));
        await repository.saveCompleted(completedData(image.id, { detections: [detection(label, image.score), detection(otherLabel, 0.1)] }));
      }
      await repository.saveUploaded(uploadedData(otherLabelOnly.id, { uploadedAt: otherLabelOnly.uploadedAt }));
      await repository.saveCompleted(completedData(otherLabelOnly.id, { detections: [detection(otherLabel, otherLabelOnly.score)] }));
    });

    it('pages through matching images newest first, each once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `label=${label}&minScore=0.5&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`;
        const { status, body } = await getJson<{ images: ImageView[]; nextCursor: string | null }>(`/v1/images?${query}`);
        expect(status).toBe(200);
        expect(body.images.length).toBeLessThanOrEqual(2);
        seen.push(...body.images.map((image) => image.id));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 10);

      expect(seen).toEqual(matching.map((image) => image.id));
      expect(pages).toBe(3);
    });

    it('returns the detections of each listed image', async () => {
      const { body } = await getJson<{ images: ImageView[] }>(`/v1/images?label=${label}&minScore=0.95`);

      expect(body.images.map((image) => image.id)).toEqual([matching[4]!.id]);
      expect(body.images[0]!.detections.map((item) => item.label)).toEqual([label, otherLabel]);
    });

    it('filters by label alone', async () => {
      const { body } = await getJson<{ images: ImageView[]; nextCursor: string | null }>(`/v1/images?label=${otherLabel}&limit=100`);

      expect(body.images).toHaveLength(matching.length + 2);
      expect(body.images[0]!.id).toBe(matching[0]!.id);
      expect(body.nextCursor).toBeNull();
    });

    it.each([
      ['minScore', 'minScore=2'],
      ['limit', 'limit=0'],
      ['cursor', 'cursor=abc'],
      ['label', 'label='],
    ])('rejects an invalid %s with 400', async (parameter, query) => {
      const { status, body } = await getJson<{ error: { code: string; message: string } }>(`/v1/images?${query}`);

      expect(status).toBe(400);
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message).toContain(parameter);
    });
  });

  describe('errors', () => {
    it('returns 404 for an unknown image', async () => {
      const imageId = randomUUID();

      const { status, body } = await getJson(`/v1/images/${imageId}`);

      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: 'image_not_found', message: `Image ${imageId} not found` } });
    });

    it('returns 400 for an id that is not a UUID', async () => {
      const { status, body } = await getJson('/v1/images/not-a-uuid');

      expect(status).toBe(400);
      expect(body).toEqual({ error: { code: 'invalid_parameter', message: 'Invalid parameter id: must be a UUID' } });
    });

    it('returns a JSON 404 for an unknown route', async () => {
      const { status, body } = await getJson<{ error: { code: string } }>('/v1/unknown');

      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
    });
  });

  describe('GET /v1/images/:id/file', () => {
    it('streams the original with its content type', async () => {
      const imageId = randomUUID();
      const photo = await readFile(photoPath('dog.jpg'));
      const key = `originals/${imageId}.jpg`;
      const store = new ObjectStore(results.bucket);
      try {
        await store.put(key, photo, 'image/jpeg');
      } finally {
        store.close();
      }
      await results.app.get(ImagesRepository).saveUploaded(uploadedData(imageId, { object: { bucket: results.bucket.bucket, key }, bytes: photo.length }));

      const response = await fetch(`${results.baseUrl}/v1/images/${imageId}/file`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
    });

    it('returns 404 when the object is missing', async () => {
      const imageId = randomUUID();
      await results.app.get(ImagesRepository).saveUploaded(uploadedData(imageId, { object: { bucket: results.bucket.bucket, key: `originals/${imageId}.jpg` } }));

      const { status, body } = await getJson<{ error: { code: string } }>(`/v1/images/${imageId}/file`);

      expect(status).toBe(404);
      expect(body.error.code).toBe('image_file_not_found');
    });

    it('returns 404 while only a detection event has arrived', async () => {
      const imageId = randomUUID();
      await results.app.get(ImagesRepository).saveCompleted(completedData(imageId));

      const { status, body } = await getJson<{ error: { code: string } }>(`/v1/images/${imageId}/file`);

      expect(status).toBe(404);
      expect(body.error.code).toBe('image_file_not_found');
    });

    it('returns 404 for an unknown image', async () => {
      const { status, body } = await getJson<{ error: { code: string } }>(`/v1/images/${randomUUID()}/file`);

      expect(status).toBe(404);
      expect(body.error.code).toBe('image_not_found');
    });
  });

  it('reports health', async () => {
    const { status, body } = await getJson('/health');

    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
  });
});
