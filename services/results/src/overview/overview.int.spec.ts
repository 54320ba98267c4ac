import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, DETECTOR_HEARTBEAT_SUBJECT, STREAMS, SUBJECTS, type DetectorHeartbeatV1 } from '@lookout/contracts';
import { connectNats, ensureConsumer, EventPublisher, resolveConsumerBinding } from '@lookout/messaging';
import { waitFor } from '@lookout/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

import { completedData, detection, uploadedData } from '../../test/event-fixtures.js';
import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';
import { ImagesService } from '../images/images.service.js';
import { DETECTOR_DURABLE } from './detector-queue.reader.js';
import type { OverviewView } from './overview.service.js';

const SOURCE = '/lookout/results-test';
const RANGE = 'from=2025-12-04T10:00:00Z&to=2025-12-04T12:00:00Z';

describe('overview', () => {
  let results: ResultsTestApp;
  let nc: NatsConnection;
  let images: ImagesService;

  beforeAll(async () => {
    results = await startResultsTestApp('results_overview');
    nc = await connectNats({ url: results.config.NATS_URL, name: 'results-overview-test', logger: results.logger });
    images = results.app.get(ImagesService);
  });

  afterAll(async () => {
    await nc?.close();
    await results?.close();
  });

  async function getOverview(query = RANGE): Promise<{ status: number; body: OverviewView }> {
    const response = await fetch(`${results.baseUrl}/v1/stats/overview?${query}`);
    return { status: response.status, body: (await response.json()) as OverviewView };
  }

  async function storeResult(uploadedAt: string, labels: string[]): Promise<void> {
    const imageId = randomUUID();
    await images.recordUploaded(createEvent(SUBJECTS.imageUploaded, { source: SOURCE, subject: imageId, data: uploadedData(imageId, { uploadedAt }) }));
    const data = completedData(imageId, { detections: labels.map((label) => detection(label, 0.9)) });
    await images.recordCompleted(createEvent(SUBJECTS.detectionsCompleted, { source: SOURCE, subject: imageId, data }));
  }

  function heartbeat(detectorId: string, state: DetectorHeartbeatV1['state'] = 'running'): string {
    const now = new Date().toISOString();
    const body: DetectorHeartbeatV1 = { detectorId, executionProvider: 'cuda', model: { id: 'nanodet-g-416', version: '2025.1' }, state, startedAt: now, sentAt: now };
    return JSON.stringify(body);
  }

  it('counts labels per bucket of the range', async () => {
    await storeResult('2025-12-04T10:01:00.000Z', ['dog', 'dog', 'bicycle']);
    await storeResult('2025-12-04T10:04:59.000Z', ['dog']);
    await storeResult('2025-12-04T11:30:00.000Z', ['person']);
    await storeResult('2025-12-04T12:00:00.000Z', ['cat']);

    const { status, body } = await getOverview();

    expect(status).toBe(200);
    expect(body.from).toBe('2025-12-04T10:00:00.000Z');
    expect(body.to).toBe('2025-12-04T12:00:00.000Z');
    expect(body.bucketSeconds).toBe(300);
    expect(body.labelsOverTime).toHaveLength(24);
    expect(body.labelsOverTime[0]).toEqual({ bucketStart: '2025-12-04T10:00:00.000Z', counts: { dog: 3, bicycle: 1 } });
    expect(body.labelsOverTime[1]).toEqual({ bucketStart: '2025-12-04T10:05:00.000Z', counts: {} });
    expect(body.labelsOverTime[18]).toEqual({ bucketStart: '2025-12-04T11:30:00.000Z', counts: { person: 1 } });
    const labels = body.labelsOverTime.flatMap((bucket) => Object.keys(bucket.counts));
    expect(labels).not.toContain('cat');
  });

  it('counts uploads of the last hour per minute', async () => {
    const before = await getOverview();
    await storeResult(new Date().toISOString(), ['dog']);

    const { body } = await getOverview();
    const total = (overview: OverviewView) => overview.imagesPerMinute.reduce((sum, minute) => sum + minute.count, 0);

    expect(body.imagesPerMinute).toHaveLength(60);
    expect(total(body) - total(before.body)).toBe(1);
    expect(Date.parse(body.imagesPerMinute.at(-1)!.minute)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(body.imagesPerMinute.at(-1)!.minute)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('defaults to the last 24 hours', async () => {
    const { status, body } = await getOverview('');

    expect(status).toBe(200);
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(24 * 3_600_000);
    expect(body.bucketSeconds).toBe(1_800);
  });

  it('rejects a range that ends before it starts', async () => {
    const { status } = await getOverview('from=2025-12-04T12:00:00Z&to=2025-12-04T10:00:00Z');

    expect(status).toBe(400);
  });

  it('reports the detector queue', async () => {
    expect((await getOverview()).body.queue).toEqual({ pending: null, inFlight: null });

    const jsm = await jetstreamManager(nc);
    await ensureConsumer(jsm, resolveConsumerBinding({ stream: STREAMS.images.name, durable: DETECTOR_DURABLE, filterSubject: SUBJECTS.imageUploaded }));
    const publisher = new EventPublisher(nc, results.logger);
    for (let index = 0; index < 3; index += 1) {
      const imageId = randomUUID();
      await publisher.publish(SUBJECTS.imageUploaded, createEvent(SUBJECTS.imageUploaded, { source: SOURCE, subject: imageId, data: uploadedData(imageId) }));
    }
    const consumer = await jetstream(nc).consumers.get(STREAMS.images.name, DETECTOR_DURABLE);
    const delivered = await consumer.next({ expires: 5_000 });

    expect(delivered).not.toBeNull();
    expect((await getOverview()).body.queue).toEqual({ pending: 2, inFlight: 1 });
  });

  it('lists detectors by their heartbeats', async () => {
    nc.publish(DETECTOR_HEARTBEAT_SUBJECT, 'not json');
    nc.publish(DETECTOR_HEARTBEAT_SUBJECT, heartbeat('detector-b'));
    nc.publish(DETECTOR_HEARTBEAT_SUBJECT, heartbeat('detector-a'));

    const listed = await waitFor(
      async () => {
        const { body } = await getOverview();
        return body.detectors.length === 2 ? body.detectors : undefined;
      },
      { describe: 'two detectors in the overview' },
    );

    expect(listed.map((detector) => detector.detectorId)).toEqual(['detector-a', 'detector-b']);
    expect(listed[0]).toMatchObject({ executionProvider: 'cuda', model: { id: 'nanodet-g-416', version: '2025.1' } });
    expect(Date.parse(listed[0]!.lastSeenAt)).toBeLessThanOrEqual(Date.now());
  });

  it('drops a stopping detector', async () => {
    nc.publish(DETECTOR_HEARTBEAT_SUBJECT, heartbeat('detector-c'));
    await waitFor(async () => (await getOverview()).body.detectors.some((detector) => detector.detectorId === 'detector-c'), { describe: 'detector-c to be listed' });

    nc.publish(DETECTOR_HEARTBEAT_SUBJECT, heartbeat('detector-c', 'stopping'));
    const remaining = await waitFor(
      async () => {
        const { body } = await getOverview();
        return body.detectors.every((detector) => detector.detectorId !== 'detector-c') ? body.detectors : undefined;
      },
      { describe: 'detector-c to leave the overview' },
    );

    expect(remaining.map((detector) => detector.detectorId)).toEqual(['detector-a', 'detector-b']);
  });
});
