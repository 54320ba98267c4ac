import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, encodeEvent, SUBJECTS, type CloudEvent, type DetectionsStartedV1, type Subject } from '@lookout/contracts';
import { connectNats, EventPublisher } from '@lookout/messaging';
import { waitFor } from '@lookout/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

import { completedData, failedData, uploadedData } from '../../test/event-fixtures.js';
import { startResultsTestApp, type ResultsTestApp } from '../../test/results-test-app.js';
import type { TimelineView } from './timeline.service.js';

const SOURCE = '/lookout/results-test';

function startedData(imageId: string, jobId: string, attempt: number, startedAt: string): DetectionsStartedV1 {
  return { imageId, jobId, detectorId: `detector-${attempt}`, model: { id: 'nanodet-g-416', version: '2025.1' }, executionProvider: 'cpu', attempt, startedAt };
}

describe('image timeline', () => {
  let results: ResultsTestApp;
  let nc: NatsConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    results = await startResultsTestApp('results_timeline');
    nc = await connectNats({ url: results.config.NATS_URL, name: 'results-timeline-test', logger: results.logger });
    publisher = new EventPublisher(nc, results.logger);
  });

  afterAll(async () => {
    await nc?.close();
    await results?.close();
  });

  async function getTimeline(imageId: string): Promise<{ status: number; body: TimelineView }> {
    const response = await fetch(`${results.baseUrl}/v1/images/${imageId}/timeline`);
    return { status: response.status, body: (await response.json()) as TimelineView };
  }

  function waitForTimeline(imageId: string, describe: string, done: (timeline: TimelineView) => boolean): Promise<TimelineView> {
    return waitFor(
      async () => {
        const { status, body } = await getTimeline(imageId);
        return status === 200 && done(body) ? body : undefined;
      },
      { describe, timeoutMs: 15_000 },
    );
  }

  /**
   * Publishes an event again under a new Nats-Msg-Id, as a publisher retrying after the duplicate
   * window would, and waits until the durable has acknowledged it.
   */
  async function republishAndSettle(subject: Subject, event: CloudEvent<unknown>, durable: string): Promise<void> {
    const ack = await jetstream(nc).publish(subject, encodeEvent(event), { msgID: randomUUID() });
    const jsm = await jetstreamManager(nc);
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(ack.stream, durable);
        return info.ack_floor.stream_seq >= ack.seq && info.num_ack_pending === 0;
      },
      { describe: `${durable} to acknowledge stream sequence ${ack.seq}`, timeoutMs: 15_000 },
    );
  }

  it('lists every step in time order', async () => {
    const imageId = randomUUID();
    const uploaded = createEvent(SUBJECTS.imageUploaded, { source: SOURCE, subject: imageId, data: uploadedData(imageId, { uploadedAt: '2025-12-04T10:00:00.000Z' }) });
    const jobId = uploaded.id;
    const completed = completedData(imageId, { jobId, detectorId: 'detector-2', completedAt: '2025-12-04T10:00:03.000Z' });

    await publisher.publish(SUBJECTS.imageUploaded, uploaded);
    await publisher.publish(SUBJECTS.detectionsStarted, createEvent(SUBJECTS.detectionsStarted, { source: SOURCE, subject: imageId, data: startedData(imageId, jobId, 1, '2025-12-04T10:00:01.000Z') }));
    await publisher.publish(SUBJECTS.detectionsStarted, createEvent(SUBJECTS.detectionsStarted, { source: SOURCE, subject: imageId, data: startedData(imageId, jobId, 2, '2025-12-04T10:00:02.000Z') }));
    await publisher.publish(SUBJECTS.detectionsCompleted, createEvent(SUBJECTS.detectionsCompleted, { source: SOURCE, subject: imageId, data: completed }));
    const timeline = await waitForTimeline(imageId, 'the uploaded, started, retried, completed and stored steps', ({ events }) => events.length === 5);

    expect(timeline.events.map((event) => event.type)).toEqual(['uploaded', 'started', 'retried', 'completed', 'stored']);
    expect(timeline.events[0]).toEqual({ type: 'uploaded', at: '2025-12-04T10:00:00.000Z' });
    expect(timeline.events[1]).toEqual({ type: 'started', at: '2025-12-04T10:00:01.000Z', detectorId: 'detector-1', attempt: 1, executionProvider: 'cpu' });
    expect(timeline.events[2]).toEqual({ type: 'retried', at: '2025-12-04T10:00:02.000Z', detectorId: 'detector-2', attempt: 2, executionProvider: 'cpu' });
    expect(timeline.events[3]).toEqual({ type: 'completed', at: '2025-12-04T10:00:03.000Z', detectorId: 'detector-2', executionProvider: 'cpu', ...completed.timings });
    expect(timeline.events[4]!.type).toBe('stored');
    // The stored step is the commit time in results, which is now rather than the event's time.
    expect(Date.parse(timeline.events[4]!.at)).toBeGreaterThan(Date.parse('2025-12-04T10:00:03.000Z'));
  });

  it('adds nothing for a redelivered event', async () => {
    const imageId = randomUUID();
    const jobId = randomUUID();
    const started = createEvent(SUBJECTS.detectionsStarted, { source: SOURCE, subject: imageId, data: startedData(imageId, jobId, 1, '2025-12-04T11:00:01.000Z') });
    const completed = createEvent(SUBJECTS.detectionsCompleted, {
      source: SOURCE,
      subject: imageId,
      data: completedData(imageId, { jobId, completedAt: '2025-12-04T11:00:02.000Z' }),
    });
    await publisher.publish(SUBJECTS.detectionsStarted, started);
    await publisher.publish(SUBJECTS.detectionsCompleted, completed);
    const before = await waitForTimeline(imageId, 'the started, completed and stored steps', ({ events }) => events.length === 3);

    await republishAndSettle(SUBJECTS.detectionsStarted, started, 'results-started');
    await republishAndSettle(SUBJECTS.detectionsCompleted, completed, 'results-completed');
    const after = await getTimeline(imageId);

    expect(before.events.map((event) => event.type)).toEqual(['started', 'completed', 'stored']);
    expect(after.body).toEqual(before);
  });

  it('records a failure with its reason', async () => {
    const imageId = randomUUID();
    const failed = failedData(imageId, { reason: 'decode_failed', message: 'not an image', failedAt: '2025-12-04T12:00:05.000Z' });

    await publisher.publish(SUBJECTS.detectionsFailed, createEvent(SUBJECTS.detectionsFailed, { source: SOURCE, subject: imageId, data: failed }));
    const timeline = await waitForTimeline(imageId, 'the failed step', ({ events }) => events.length === 1);

    expect(timeline.events).toEqual([{ type: 'failed', at: '2025-12-04T12:00:05.000Z', detectorId: 'detector-test', reason: 'decode_failed', message: 'not an image' }]);
  });

  it('returns 404 for an unknown image', async () => {
    const response = await fetch(`${results.baseUrl}/v1/images/${randomUUID()}/timeline`);
    const body = (await response.json()) as { error: { code: string } };

    expect(response.status).toBe(404);
    expect(body.error.code).toBe('image_not_found');
  });
});
