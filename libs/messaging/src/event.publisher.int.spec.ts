import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { InvalidEventError, STREAMS, SUBJECTS } from '@lookout/contracts';
import { startNats, type NatsHandle } from '@lookout/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { LogCapture } from '../test/log-capture.js';
import { imageUploadedEvent } from '../test/test-events.js';
import { ensureStreams } from './ensure-streams.js';
import { EventPublishError } from './event-publish.error.js';
import { EventPublisher } from './event.publisher.js';

describe('EventPublisher', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let logs: LogCapture;
  let publisher: EventPublisher;

  beforeEach(async () => {
    nats = await startNats();
    nc = await connect({ servers: nats.url });
    logs = new LogCapture();
    publisher = new EventPublisher(nc, logs.logger);
  });

  afterEach(async () => {
    await nc.close();
    await nats.stop();
  });

  it('stores an event with its id as Nats-Msg-Id', async () => {
    await ensureStreams(nc);
    const event = imageUploadedEvent();

    const result = await publisher.publish(SUBJECTS.imageUploaded, event);

    const jsm = await jetstreamManager(nc);
    const stored = await jsm.streams.getMessage(STREAMS.images.name, { seq: result.seq });
    expect(result.duplicate).toBe(false);
    expect(stored).not.toBeNull();
    expect(stored?.subject).toBe(SUBJECTS.imageUploaded);
    expect(stored?.header.get('Nats-Msg-Id')).toBe(event.id);
    expect(stored?.json()).toEqual(event);
  });

  it('stores a repeated event id once', async () => {
    await ensureStreams(nc);
    const event = imageUploadedEvent();

    const first = await publisher.publish(SUBJECTS.imageUploaded, event);
    const second = await publisher.publish(SUBJECTS.imageUploaded, event);

    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(STREAMS.images.name);
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ seq: first.seq, duplicate: true });
    expect(info.state.messages).toBe(1);
    expect(logs.withMessage('duplicate publish ignored because the stream already stores the event')).toHaveLength(1);
  });

  it('rejects an event that breaks its contract before publishing', async () => {
    await ensureStreams(nc);
    const event = { ...imageUploadedEvent(), type: 'io.lookout.detections.failed.v1' };

    await expect(publisher.publish(SUBJECTS.imageUploaded, event)).rejects.toThrow(InvalidEventError);

    const jsm = await jetstreamManager(nc);
    expect((await jsm.streams.info(STREAMS.images.name)).state.messages).toBe(0);
  });

  it('raises EventPublishError when no stream stores the subject', async () => {
    const event = imageUploadedEvent();

    const publishing = publisher.publish(SUBJECTS.imageUploaded, event);

    await expect(publishing).rejects.toThrow(EventPublishError);
    await expect(publishing).rejects.toMatchObject({ code: 'event_publish_failed', eventId: event.id });
    expect(logs.withMessage('event publish failed')).toEqual([expect.objectContaining({ level: 'error', eventId: event.id, imageId: event.subject })]);
  });
});
