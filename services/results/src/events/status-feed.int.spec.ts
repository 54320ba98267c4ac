import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, SUBJECTS } from '@lookout/contracts';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { completedData, uploadedData } from '../../test/event-fixtures.js';
import { startResultsReplicas, type ResultsReplicas } from '../../test/results-replicas.js';
import { SseClient, type ServerSentEvent } from '../../test/sse-client.js';
import { ImagesService } from '../images/images.service.js';
import { IMAGE_STATUS_SUBJECT } from './image-status-notification.js';

const SOURCE = '/lookout/results-test';

describe('image status feed across replicas', () => {
  let results: ResultsReplicas;
  let eventsOnA: SseClient;
  let eventsOnB: SseClient;
  let nc: NatsConnection;

  beforeAll(async () => {
    results = await startResultsReplicas('results_feed', 2);
    eventsOnA = await SseClient.open(`${results.replicas[0]!.baseUrl}/v1/events`);
    eventsOnB = await SseClient.open(`${results.replicas[1]!.baseUrl}/v1/events`);
    nc = await connect({ servers: results.config.NATS_URL, name: 'results-feed-test' });
  });

  afterAll(async () => {
    eventsOnA?.close();
    eventsOnB?.close();
    await nc?.close();
    await results?.close();
  });

  function isChange(imageId: string, status: string): (event: ServerSentEvent) => boolean {
    return (event) => event.event === 'image' && event.data === JSON.stringify({ imageId, status });
  }

  function imagesServiceOf(replica: number): ImagesService {
    return results.replicas[replica]!.app.get(ImagesService);
  }

  it('pushes a change committed by replica A on the stream of replica B', async () => {
    const imageId = randomUUID();
    const queuedOnB = eventsOnB.next(isChange(imageId, 'queued'));

    await imagesServiceOf(0).recordUploaded(createEvent(SUBJECTS.imageUploaded, { source: SOURCE, subject: imageId, data: uploadedData(imageId) }));

    expect((await queuedOnB).data).toBe(JSON.stringify({ imageId, status: 'queued' }));
  });

  it('pushes the change on the stream of the replica that committed it too', async () => {
    const imageId = randomUUID();
    const doneOnA = eventsOnA.next(isChange(imageId, 'done'));
    const doneOnB = eventsOnB.next(isChange(imageId, 'done'));

    await imagesServiceOf(1).recordCompleted(createEvent(SUBJECTS.detectionsCompleted, { source: SOURCE, subject: imageId, data: completedData(imageId) }));

    await doneOnA;
    await doneOnB;
    expect(eventsOnA.received.filter((event) => event.data.includes(imageId))).toHaveLength(1);
  });

  it('keeps the commit order of each image when notifications arrive out of order', async () => {
    const imageId = randomUUID();
    const marker = randomUUID();
    const before = eventsOnB.received.length;
    const publish = (id: string, status: string, updatedAt: string) => nc.publish(IMAGE_STATUS_SUBJECT, JSON.stringify({ imageId: id, status, updatedAt }));

    publish(imageId, 'done', '2025-12-04T10:00:02.000Z');
    publish(imageId, 'queued', '2025-12-04T10:00:01.000Z');
    // One connection's messages reach a subscriber in order, so the marker arrives after both.
    publish(marker, 'queued', '2025-12-04T10:00:03.000Z');
    await eventsOnB.next(isChange(marker, 'queued'), { after: before });

    const forImage = eventsOnB.received.slice(before).filter((event) => event.data.includes(imageId));
    expect(forImage.map((event) => JSON.parse(event.data).status)).toEqual(['done']);
  });

  it('drops an invalid notification and keeps streaming', async () => {
    const imageId = randomUUID();
    const before = eventsOnB.received.length;

    nc.publish(IMAGE_STATUS_SUBJECT, 'not json');
    nc.publish(IMAGE_STATUS_SUBJECT, JSON.stringify({ imageId: 'x', status: 'lost', updatedAt: 'now' }));
    nc.publish(IMAGE_STATUS_SUBJECT, JSON.stringify({ imageId, status: 'failed', updatedAt: '2025-12-04T10:00:00.000Z' }));

    await eventsOnB.next(isChange(imageId, 'failed'), { after: before });
    expect(eventsOnB.received.length - before).toBe(1);
  });
});
