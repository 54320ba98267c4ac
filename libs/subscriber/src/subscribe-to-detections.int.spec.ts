import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { STREAMS, type DetectionFoundV1, type DetectionsCompletedV1 } from '@lookout/contracts';
import { ensureStreams } from '@lookout/messaging';
import { startNats, waitFor, type NatsHandle } from '@lookout/testing';
import { AckPolicy, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { detectionFoundEvent, detectionsCompletedEvent, TestEventPublisher } from '../test/detection-events.fixture.js';
import { MemoryLogger } from '../test/memory-logger.js';
import { ReceivedEvents } from '../test/received-events.js';
import {
  DurableConflictError,
  StreamNotFoundError,
  subscribeToCompleted,
  subscribeToDetections,
  type DetectionSubscriptionOptions,
  type Subscription,
} from './index.js';

const FAST_RETRY = { initialDelayMs: 20, maxDelayMs: 100 };

describe('subscribeToDetections', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let publish: TestEventPublisher;
  let logger: MemoryLogger;
  const subscriptions: Subscription[] = [];

  beforeEach(async () => {
    nats = await startNats();
    nc = await connect({ servers: nats.url });
    await ensureStreams(nc);
    jsm = await jetstreamManager(nc);
    publish = new TestEventPublisher(nc);
    logger = new MemoryLogger();
  });

  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
    await nc.close();
    await nats.stop();
  });

  async function subscribe(options: Omit<DetectionSubscriptionOptions, 'servers' | 'logger'>): Promise<Subscription> {
    const subscription = await subscribeToDetections({ servers: nats.url, logger, ...options });
    subscriptions.push(subscription);
    return subscription;
  }

  /** Waits until a durable has no undelivered and no unacknowledged events, and returns its info. */
  function settled(durable: string) {
    return waitFor(
      async () => {
        const info = await jsm.consumers.info(STREAMS.detections.name, durable);
        return info.num_pending === 0 && info.num_ack_pending === 0 ? info : undefined;
      },
      { describe: `durable ${durable} to settle every event`, timeoutMs: 10_000 },
    );
  }

  it('delivers only the chosen label', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    const subscription = await subscribe({ durable: 'alerts', labels: ['person'], handler: received.handler() });

    await publish.found(detectionFoundEvent('dog', 0.9));
    const firstPerson = detectionFoundEvent('person', 0.8);
    await publish.found(firstPerson);
    await publish.found(detectionFoundEvent('cat', 0.95));
    const secondPerson = detectionFoundEvent('person', 0.7);
    const lastSeq = await publish.found(secondPerson);
    await received.waitForCount(2);
    const info = await settled('alerts-person');

    expect(subscription.durables).toEqual(['alerts-person']);
    expect(received.ids()).toEqual([firstPerson.id, secondPerson.id]);
    expect(received.all[1]!.info.subject).toBe('detections.found.v1.person');
    expect(received.all[1]!.info.streamSequence).toBe(lastSeq);
    // The server sent this durable two messages in all, so dog and cat never reached the client.
    expect(info.delivered.consumer_seq).toBe(2);
    expect(info.delivered.stream_seq).toBe(lastSeq);
  });

  it('gives each label its own durable', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    const subscription = await subscribe({ durable: 'street', labels: ['person', 'traffic light', 'traffic_light'], handler: received.handler() });

    const light = detectionFoundEvent('traffic light', 0.6);
    await publish.found(light);
    await publish.found(detectionFoundEvent('dog', 0.9));
    const person = detectionFoundEvent('person', 0.9);
    await publish.found(person);
    await received.waitForCount(2);
    await settled('street-person');
    await settled('street-traffic_light');

    expect(subscription.durables).toEqual(['street-person', 'street-traffic_light']);
    expect(received.ids().sort()).toEqual([light.id, person.id].sort());
  });

  it('delivers every label without labels', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    const subscription = await subscribe({ durable: 'everything', handler: received.handler() });

    await publish.found(detectionFoundEvent('dog', 0.9));
    await publish.found(detectionFoundEvent('person', 0.4));
    await received.waitForCount(2);

    expect(subscription.durables).toEqual(['everything']);
    expect(received.all.map(({ event }) => event.data.label)).toEqual(['dog', 'person']);
  });

  it('starts a new durable at new events by default', async () => {
    await publish.found(detectionFoundEvent('person', 0.9));
    const received = new ReceivedEvents<DetectionFoundV1>();
    await subscribe({ durable: 'latecomer', handler: received.handler() });

    const later = detectionFoundEvent('person', 0.8);
    await publish.found(later);
    await received.waitForCount(1);
    const info = await settled('latecomer');

    expect(received.ids()).toEqual([later.id]);
    expect(info.delivered.consumer_seq).toBe(1);
  });

  it('skips events below minScore', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    await subscribe({ durable: 'confident', labels: ['person'], minScore: 0.6, handler: received.handler() });

    await publish.found(detectionFoundEvent('person', 0.3));
    const exact = detectionFoundEvent('person', 0.6);
    await publish.found(exact);
    const high = detectionFoundEvent('person', 0.9);
    await publish.found(high);
    await received.waitForCount(2);
    const info = await settled('confident-person');

    expect(received.ids()).toEqual([exact.id, high.id]);
    // The low event was delivered and acknowledged, not left pending.
    expect(info.delivered.consumer_seq).toBe(3);
    expect(info.ack_floor.consumer_seq).toBe(3);
  });

  it('redelivers an event whose handler threw', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    const failOnce = (_event: unknown, info: { deliveryCount: number }) => {
      if (info.deliveryCount === 1) {
        throw new Error('webhook unavailable');
      }
    };
    await subscribe({ durable: 'flaky', retryDelay: FAST_RETRY, handler: received.handler('default', failOnce) });

    const event = detectionFoundEvent('person', 0.9);
    await publish.found(event);
    await received.waitForCount(2);
    const info = await settled('flaky');

    expect(received.ids()).toEqual([event.id, event.id]);
    expect(received.all.map((delivery) => delivery.info.deliveryCount)).toEqual([1, 2]);
    expect(info.num_redelivered).toBe(0);
    const retry = logger.withMessage('handler failed and the event will be delivered again');
    expect(retry).toHaveLength(1);
    expect(retry[0]!.fields).toMatchObject({ retryInMs: FAST_RETRY.initialDelayMs, err: { message: 'webhook unavailable' } });
  });

  it('terminates an event that fails on every delivery', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    const alwaysFail = () => {
      throw new Error('handler bug');
    };
    await subscribe({ durable: 'broken', maxDeliver: 3, retryDelay: FAST_RETRY, handler: received.handler('default', alwaysFail) });

    await publish.found(detectionFoundEvent('person', 0.9));
    const terminated = await logger.waitForMessage('handler failed on the last delivery and the event was terminated');
    await settled('broken');

    expect(received.all.map((delivery) => delivery.info.deliveryCount)).toEqual([1, 2, 3]);
    expect(received.all.map((delivery) => delivery.info.isLastDelivery)).toEqual([false, false, true]);
    expect(terminated.fields).toMatchObject({ deliveryCount: 3, maxDeliver: 3 });
  });

  it('terminates an invalid event and goes on', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    await subscribe({ durable: 'strict', labels: ['person'], handler: received.handler() });

    const invalidSeq = await publish.raw('detections.found.v1.person', new TextEncoder().encode('{"not":"a cloud event"}'));
    const valid = detectionFoundEvent('person', 0.9);
    await publish.found(valid);
    await received.waitForCount(1);
    const rejected = await logger.waitForMessage('invalid event terminated without calling the handler');
    await settled('strict-person');

    expect(received.ids()).toEqual([valid.id]);
    expect(rejected.level).toBe('error');
    expect(rejected.fields).toMatchObject({ seq: invalidSeq, err: { name: 'InvalidEventError' } });
  });

  it('rejects a durable that filters another subject', async () => {
    await jsm.consumers.add(STREAMS.detections.name, { durable_name: 'taken', ack_policy: AckPolicy.Explicit, filter_subject: 'detections.completed.v1' });

    await expect(subscribe({ durable: 'taken', handler: () => undefined })).rejects.toThrow(DurableConflictError);
  });

  it('rejects a server without the stream', async () => {
    await jsm.streams.delete(STREAMS.detections.name);

    await expect(subscribe({ durable: 'early', handler: () => undefined })).rejects.toThrow(StreamNotFoundError);
  });
});

describe('subscribeToCompleted', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;

  beforeEach(async () => {
    nats = await startNats();
    nc = await connect({ servers: nats.url });
    await ensureStreams(nc);
  });

  afterEach(async () => {
    await nc.close();
    await nats.stop();
  });

  it('delivers completed events above minScore', async () => {
    const publish = new TestEventPublisher(nc);
    const received = new ReceivedEvents<DetectionsCompletedV1>();
    const subscription = await subscribeToCompleted({ servers: nats.url, durable: 'images', minScore: 0.5, handler: received.handler(), logger: new MemoryLogger() });
    try {
      await publish.completed(detectionsCompletedEvent([]));
      await publish.completed(detectionsCompletedEvent([0.2, 0.3]));
      await publish.found(detectionFoundEvent('person', 0.9));
      const confident = detectionsCompletedEvent([0.2, 0.7]);
      await publish.completed(confident);
      await received.waitForCount(1);
      const info = await waitFor(
        async () => {
          const consumer = await (await jetstreamManager(nc)).consumers.info(STREAMS.detections.name, 'images');
          return consumer.num_pending === 0 && consumer.num_ack_pending === 0 ? consumer : undefined;
        },
        { describe: 'durable images to settle' },
      );

      expect(received.ids()).toEqual([confident.id]);
      expect(received.all[0]!.info.subject).toBe('detections.completed.v1');
      expect(info.delivered.consumer_seq).toBe(3);
    } finally {
      await subscription.stop();
    }
  });
});
