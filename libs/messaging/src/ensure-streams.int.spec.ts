import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { STREAMS } from '@lookout/contracts';
import { startNats, type NatsHandle } from '@lookout/testing';
import { jetstreamManager, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { connect, nanos, type NatsConnection } from '@nats-io/transport-node';

import { resolveConsumerBinding } from './consumer-binding.js';
import { ensureConsumer } from './ensure-consumer.js';
import { ensureStreams } from './ensure-streams.js';
import { DEAD_LETTER_MAX_AGE_MS, DEAD_LETTER_STREAM, DUPLICATE_WINDOW_MS, STREAM_MAX_AGE_MS } from './stream.constants.js';

describe('ensureStreams and ensureConsumer', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeEach(async () => {
    nats = await startNats();
    nc = await connect({ servers: nats.url });
    jsm = await jetstreamManager(nc);
  });

  afterEach(async () => {
    await nc.close();
    await nats.stop();
  });

  it('creates the event streams with file storage and limits', async () => {
    await ensureStreams(nc);

    for (const stream of [STREAMS.images, STREAMS.detections]) {
      const { config } = await jsm.streams.info(stream.name);
      expect(config.subjects).toEqual(stream.subjects);
      expect(config.storage).toBe(StorageType.File);
      expect(config.duplicate_window).toBe(nanos(DUPLICATE_WINDOW_MS));
      expect(config.max_age).toBe(nanos(STREAM_MAX_AGE_MS));
    }
  });

  it('creates the dead-letter stream with a longer retention', async () => {
    await ensureStreams(nc);

    const { config } = await jsm.streams.info(DEAD_LETTER_STREAM.name);
    expect(config.subjects).toEqual(['deadletter.>']);
    expect(config.storage).toBe(StorageType.File);
    expect(config.duplicate_window).toBe(nanos(DUPLICATE_WINDOW_MS));
    expect(config.max_age).toBe(nanos(DEAD_LETTER_MAX_AGE_MS));
    expect(DEAD_LETTER_MAX_AGE_MS).toBeGreaterThan(STREAM_MAX_AGE_MS);
  });

  it('runs again and concurrently without error', async () => {
    await ensureStreams(nc);
    await Promise.all([ensureStreams(nc), ensureStreams(nc)]);

    const names: string[] = [];
    for await (const name of jsm.streams.names()) {
      names.push(name);
    }
    expect(names.sort()).toEqual(['DEAD_LETTERS', 'DETECTIONS', 'IMAGES']);
  });

  it('updates a stream created with other settings', async () => {
    await jsm.streams.add({ name: STREAMS.images.name, subjects: ['images.>'], storage: StorageType.File, max_age: nanos(60_000) });

    await ensureStreams(nc);

    const { config } = await jsm.streams.info(STREAMS.images.name);
    expect(config.max_age).toBe(nanos(STREAM_MAX_AGE_MS));
    expect(config.duplicate_window).toBe(nanos(DUPLICATE_WINDOW_MS));
  });

  // The server allows one delivery past maxDeliver so a crash during the last one can still move the message to the dead-letter stream.
  it('creates a durable consumer and updates its settings', async () => {
    await ensureStreams(nc);
    const binding = resolveConsumerBinding({ stream: STREAMS.images.name, durable: 'ensure-test', filterSubject: 'images.uploaded.v1' });

    await Promise.all([ensureConsumer(jsm, binding), ensureConsumer(jsm, binding)]);
    const created = await jsm.consumers.info(STREAMS.images.name, 'ensure-test');
    await ensureConsumer(jsm, { ...binding, maxDeliver: 7, ackWaitMs: 10_000 });
    const updated = await jsm.consumers.info(STREAMS.images.name, 'ensure-test');

    expect(created.config).toMatchObject({ durable_name: 'ensure-test', ack_policy: 'explicit', ack_wait: nanos(30_000), max_deliver: 6, filter_subject: 'images.uploaded.v1' });
    expect(updated.config).toMatchObject({ ack_wait: nanos(10_000), max_deliver: 8 });
  });
});
