import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SUBJECTS, STREAMS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import { deferred, startNats, waitFor, type NatsHandle } from '@lookout/testing';
import { jetstream, jetstreamManager, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestMicroservice } from '@nestjs/common';

import { LogCapture } from '../test/log-capture.js';
import { startTestApp, TEST_DURABLE, type HandlerBehaviour, type TestAppOptions } from '../test/jetstream-test-app.js';
import { imageUploadedEvent } from '../test/test-events.js';
import { connectNats } from './connect-nats.js';
import { resolveConsumerBinding } from './consumer-binding.js';
import { DEAD_LETTER_HEADERS, deadLetterMessageId } from './dead-letter.headers.js';
import { ensureConsumer } from './ensure-consumer.js';
import { ensureStreams } from './ensure-streams.js';
import { EventPublisher } from './event.publisher.js';
import type { JetStreamContext } from './jetstream.context.js';
import { PermanentJobError } from './permanent-job.error.js';
import { DEAD_LETTER_STREAM } from './stream.constants.js';

interface Delivery {
  eventId: string;
  deliveryCount: number;
  isLastDelivery: boolean;
}

describe('JetStreamServer', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let publisher: EventPublisher;
  let logs: LogCapture;
  const apps: INestMicroservice[] = [];

  beforeEach(async () => {
    nats = await startNats();
    logs = new LogCapture();
    nc = await connectNats({ url: nats.url, name: 'messaging-test-client', logger: logs.logger });
    await ensureStreams(nc);
    jsm = await jetstreamManager(nc);
    publisher = new EventPublisher(nc, logs.logger);
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await nc.close();
    await nats.stop();
  });

  async function startApp(behaviour: HandlerBehaviour, options: Partial<TestAppOptions> = {}): Promise<INestMicroservice> {
    const app = await startTestApp({ natsUrl: nats.url, logger: logs.logger, behaviour, ...options });
    apps.push(app);
    return app;
  }

  async function publish(event = imageUploadedEvent()): Promise<{ event: CloudEvent<ImageUploadedV1>; seq: number }> {
    const { seq } = await publisher.publish(SUBJECTS.imageUploaded, event);
    return { event, seq };
  }

  function consumerInfo(durable = TEST_DURABLE) {
    return jsm.consumers.info(STREAMS.images.name, durable);
  }

  /** Waits until the consumer has no unacknowledged and no undelivered messages. */
  function waitForSettled(durable = TEST_DURABLE) {
    return waitFor(
      async () => {
        const info = await consumerInfo(durable);
        return info.num_ack_pending === 0 && info.num_pending === 0 ? info : undefined;
      },
      { describe: `consumer ${durable} to settle every message` },
    );
  }

  /** Returns every message of the dead-letter stream, oldest first. */
  async function deadLetters(): Promise<StoredMsg[]> {
    const info = await jsm.streams.info(DEAD_LETTER_STREAM.name);
    const stored: StoredMsg[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
      const message = await jsm.streams.getMessage(DEAD_LETTER_STREAM.name, { seq });
      if (message !== null) {
        stored.push(message);
      }
    }
    return stored;
  }

  function record(deliveries: Delivery[], event: CloudEvent<ImageUploadedV1>, context: JetStreamContext): void {
    deliveries.push({ eventId: event.id, deliveryCount: context.deliveryCount, isLastDelivery: context.isLastDelivery });
  }

  it('delivers an event published while no consumer ran', async () => {
    const { event, seq } = await publish();
    const received = deferred<{ event: CloudEvent<ImageUploadedV1>; context: JetStreamContext }>();

    await startApp(async (payload, context) => received.resolve({ event: payload, context }));

    const delivery = await received.promise;
    expect(delivery.event).toEqual(event);
    expect(delivery.context.subject).toBe(SUBJECTS.imageUploaded);
    expect(delivery.context.stream).toBe(STREAMS.images.name);
    expect(delivery.context.durable).toBe(TEST_DURABLE);
    expect(delivery.context.streamSequence).toBe(seq);
    expect(delivery.context.deliveryCount).toBe(1);
    const info = await waitForSettled();
    expect(info.ack_floor.stream_seq).toBe(seq);
  });

  it('acks only after the handler resolves', async () => {
    const started = deferred();
    const release = deferred();
    await startApp(async () => {
      started.resolve();
      await release.promise;
    });

    const { seq } = await publish();
    await started.promise;
    const whileRunning = await consumerInfo();
    expect(whileRunning.num_ack_pending).toBe(1);
    expect(whileRunning.ack_floor.stream_seq).toBe(0);

    release.resolve();
    const settled = await waitForSettled();
    expect(settled.ack_floor.stream_seq).toBe(seq);
  });

  it('redelivers after a failure and logs the retry', async () => {
    const deliveries: Delivery[] = [];
    const succeeded = deferred();
    await startApp(async (event, context) => {
      record(deliveries, event, context);
      if (context.deliveryCount === 1) {
        throw new Error('object store timed out');
      }
      succeeded.resolve();
    });

    const { event, seq } = await publish();
    await succeeded.promise;

    expect(deliveries.map((delivery) => delivery.deliveryCount)).toEqual([1, 2]);
    expect(deliveries.every((delivery) => delivery.eventId === event.id)).toBe(true);
    const retry = await logs.waitForMessage('handler failed and the message will be delivered again');
    expect(retry).toMatchObject({
      level: 'warn',
      subject: SUBJECTS.imageUploaded,
      stream: STREAMS.images.name,
      durable: TEST_DURABLE,
      seq,
      deliveryCount: 1,
      retryInMs: 1_000,
      imageId: event.subject,
      jobId: event.id,
      err: { name: 'Error', message: 'object store timed out' },
    });
    const settled = await waitForSettled();
    expect(settled.ack_floor.stream_seq).toBe(seq);
  });

  it('terminates a message on PermanentJobError', async () => {
    const deliveries: Delivery[] = [];
    const markerHandled = deferred();
    const markerEvent = imageUploadedEvent();
    await startApp(async (event, context) => {
      record(deliveries, event, context);
      if (event.id === markerEvent.id) {
        markerHandled.resolve();
        return;
      }
      throw new PermanentJobError('object_missing', 'image object does not exist');
    });

    const failing = await publish();
    const terminated = await logs.waitForMessage('handler failed permanently and the message was terminated');
    // A later message is handled after the failed one, so a redelivery of the first would have shown up before it settles.
    const marker = await publish(markerEvent);
    await markerHandled.promise;

    expect(terminated).toMatchObject({ level: 'error', seq: failing.seq, err: { name: 'PermanentJobError', code: 'object_missing' } });
    expect(deliveries.map((delivery) => delivery.eventId)).toEqual([failing.event.id, marker.event.id]);
    const settled = await waitForSettled();
    expect(settled.num_redelivered).toBe(0);
    expect(settled.ack_floor.stream_seq).toBe(marker.seq);
  });

  it('terminates PermanentJobError without MessagingModule', async () => {
    await startApp(
      async () => {
        throw new PermanentJobError('decode_failed', 'not an image');
      },
      { withMessagingModule: false },
    );

    const { seq } = await publish();

    const terminated = await logs.waitForMessage('handler failed permanently and the message was terminated');
    expect(terminated).toMatchObject({ seq, err: { name: 'PermanentJobError', code: 'decode_failed' } });
    const settled = await waitForSettled();
    expect(settled.num_redelivered).toBe(0);
  });

  it('retries with growing delays', async () => {
    const deliveries: Delivery[] = [];
    const succeeded = deferred();
    await startApp(
      async (event, context) => {
        record(deliveries, event, context);
        if (context.deliveryCount < 4) {
          throw new Error('object store unreachable');
        }
        succeeded.resolve();
      },
      { binding: { maxDeliver: 5, retryDelay: { initialDelayMs: 100, maxDelayMs: 300 } } },
    );

    const { seq } = await publish();
    await succeeded.promise;

    expect(deliveries.map((delivery) => delivery.deliveryCount)).toEqual([1, 2, 3, 4]);
    const retries = logs.withMessage('handler failed and the message will be delivered again').filter((line) => line.seq === seq);
    expect(retries.map((line) => [line.deliveryCount, line.retryInMs])).toEqual([
      [1, 100],
      [2, 200],
      [3, 300],
    ]);
    expect(retries.every((line) => line.level === 'warn')).toBe(true);
    const settled = await waitForSettled();
    expect(settled.ack_floor.stream_seq).toBe(seq);
  });

  it('moves the message to the dead-letter stream on the last delivery', async () => {
    const deliveries: Delivery[] = [];
    await startApp(
      async (event, context) => {
        record(deliveries, event, context);
        throw new Error('inference failed\non line two');
      },
      { binding: { maxDeliver: 3, retryDelay: { initialDelayMs: 50, maxDelayMs: 1_000 } } },
    );

    const { event, seq } = await publish();

    const moved = await logs.waitForMessage('handler failed on the last delivery and the message was moved to the dead-letter stream');
    expect(moved).toMatchObject({
      level: 'error',
      seq,
      deliveryCount: 3,
      maxDeliver: 3,
      deadLetterStream: DEAD_LETTER_STREAM.name,
      duplicate: false,
      err: { message: 'inference failed\non line two' },
    });
    expect(deliveries.map((delivery) => [delivery.deliveryCount, delivery.isLastDelivery])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    const settled = await waitForSettled();
    expect(settled.ack_floor.stream_seq).toBe(seq);

    const [deadLetter, ...others] = await deadLetters();
    expect(others).toHaveLength(0);
    expect(deadLetter!.subject).toBe(`deadletter.${SUBJECTS.imageUploaded}`);
    expect(deadLetter!.data).toEqual((await jsm.streams.getMessage(STREAMS.images.name, { seq }))!.data);
    expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.stream)).toBe(STREAMS.images.name);
    expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.subject)).toBe(SUBJECTS.imageUploaded);
    expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.sequence)).toBe(String(seq));
    expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.durable)).toBe(TEST_DURABLE);
    expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.messageId)).toBe(event.id);
    expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.deliveryCount)).toBe('3');
    expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.lastError)).toBe('Error: inference failed on line two');
    expect(deadLetter!.header.get('Nats-Msg-Id')).toBe(deadLetterMessageId(STREAMS.images.name, TEST_DURABLE, seq));
  });

  it('stores one dead letter when a move repeats', async () => {
    const { seq } = await publish();
    // The dead letter of an earlier process that stopped after publishing it and before terminating the original.
    const js = jetstream(nc);
    await js.publish(`deadletter.${SUBJECTS.imageUploaded}`, new TextEncoder().encode('earlier copy'), {
      msgID: deadLetterMessageId(STREAMS.images.name, TEST_DURABLE, seq),
    });

    await startApp(
      async () => {
        throw new Error('inference failed');
      },
      { binding: { maxDeliver: 1 } },
    );

    const moved = await logs.waitForMessage('handler failed on the last delivery and the message was moved to the dead-letter stream');
    expect(moved).toMatchObject({ seq, duplicate: true });
    const stored = await deadLetters();
    expect(stored).toHaveLength(1);
    expect(new TextDecoder().decode(stored[0]!.data)).toBe('earlier copy');
    await waitForSettled();
  });

  it('finishes the move on the spare delivery after a stop', async () => {
    const binding = resolveConsumerBinding({ stream: STREAMS.images.name, durable: TEST_DURABLE, filterSubject: SUBJECTS.imageUploaded, maxDeliver: 1, ackWaitMs: 1_000 });
    await ensureConsumer(jsm, binding);
    const { seq } = await publish();
    // A process that took the last delivery and stopped before settling it: the message is pulled and never acked.
    const unsettled = await (await jetstream(nc).consumers.get(STREAMS.images.name, TEST_DURABLE)).next();
    expect(unsettled?.info.deliveryCount).toBe(1);

    const deliveries: Delivery[] = [];
    await startApp(
      async (event, context) => {
        record(deliveries, event, context);
        throw new Error('inference failed');
      },
      { binding },
    );

    const moved = await logs.waitForMessage('handler failed on the last delivery and the message was moved to the dead-letter stream');
    expect(moved).toMatchObject({ seq, deliveryCount: 2, maxDeliver: 1, duplicate: false });
    expect(deliveries.map((delivery) => [delivery.deliveryCount, delivery.isLastDelivery])).toEqual([[2, true]]);
    const stored = await deadLetters();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.header.get(DEAD_LETTER_HEADERS.deliveryCount)).toBe('2');
    await waitForSettled();
  });

  it('never passes an invalid payload to the handler', async () => {
    const handled: string[] = [];
    const markerHandled = deferred();
    await startApp(async (event) => {
      handled.push(event.id);
      markerHandled.resolve();
    });

    const js = jetstream(nc);
    const notJson = await js.publish(SUBJECTS.imageUploaded, new TextEncoder().encode('{"truncated'));
    const brokenEvent = { ...imageUploadedEvent(), data: { imageId: 'not-a-uuid' } };
    const brokenContract = await js.publish(SUBJECTS.imageUploaded, new TextEncoder().encode(JSON.stringify(brokenEvent)));
    const marker = await publish();
    await markerHandled.promise;

    expect(handled).toEqual([marker.event.id]);
    for (const seq of [notJson.seq, brokenContract.seq]) {
      const line = await logs.waitForMessage('invalid event terminated', (candidate) => candidate.seq === seq);
      expect(line).toMatchObject({ level: 'error', subject: SUBJECTS.imageUploaded, deliveryCount: 1, err: { name: 'InvalidEventError' } });
    }
    const settled = await waitForSettled();
    expect(settled.num_redelivered).toBe(0);
    expect(settled.ack_floor.stream_seq).toBe(marker.seq);
  });

  it('splits a durable between two servers', async () => {
    const total = 20;
    const maxInFlight = 4;
    const handledBy = new Map<string, string[]>([
      ['first', []],
      ['second', []],
    ]);
    let running = 0;
    // The first 2 * maxInFlight handlers wait until that many run at once, which only both servers together can reach.
    const bothFull = deferred();
    const behaviourOf =
      (server: string): HandlerBehaviour =>
      async (event) => {
        running += 1;
        if (running === 2 * maxInFlight) {
          bothFull.resolve();
        }
        await bothFull.promise;
        handledBy.get(server)?.push(event.id);
        running -= 1;
      };
    await startApp(behaviourOf('first'), { binding: { maxInFlight } });
    await startApp(behaviourOf('second'), { binding: { maxInFlight } });

    const published = await Promise.all(Array.from({ length: total }, () => publish()));
    await bothFull.promise;
    await waitFor(() => [...handledBy.values()].flat().length === total, { describe: `${total} handled events` });

    const first = handledBy.get('first') ?? [];
    const second = handledBy.get('second') ?? [];
    expect(first.length).toBeGreaterThanOrEqual(maxInFlight);
    expect(second.length).toBeGreaterThanOrEqual(maxInFlight);
    expect(new Set([...first, ...second]).size).toBe(total);
    expect([...first, ...second].sort()).toEqual(published.map(({ event }) => event.id).sort());
    const settled = await waitForSettled();
    expect(settled.num_redelivered).toBe(0);
  });

  it('close() waits for a running handler', async () => {
    const started = deferred();
    const release = deferred();
    const order: string[] = [];
    const app = await startApp(async () => {
      started.resolve();
      await release.promise;
      order.push('handler finished');
    });

    const { seq } = await publish();
    await started.promise;
    const closed = app.close().then(() => order.push('closed'));
    await logs.waitForMessage('JetStream server stopping and waiting for running handlers', (line) => line.inFlight === 1);
    release.resolve();
    await closed;
    apps.splice(apps.indexOf(app), 1);

    expect(order).toEqual(['handler finished', 'closed']);
    const info = await consumerInfo();
    expect(info.num_ack_pending).toBe(0);
    expect(info.ack_floor.stream_seq).toBe(seq);
    expect(logs.withMessage('JetStream server stopped')).toHaveLength(1);
  });

  it(
    'resumes after the NATS server restarts',
    async () => {
      const handled = deferred<string>();
      await startApp(async (event) => handled.resolve(event.id));
      await logs.waitForMessage('JetStream server started');

      // The new server listens on the same port but starts with an empty store, so the streams must be created again.
      await nats.stop();
      nats = await startNats({ port: nats.port });
      await logs.waitForMessage('pulling messages failed and will be retried');
      await waitFor(
        async () => {
          const info = await consumerInfo().catch(() => undefined);
          return info !== undefined;
        },
        { describe: 'the consumer to be created again', timeoutMs: 10_000 },
      );
      const { event } = await publish();

      expect(await handled.promise).toBe(event.id);
    },
    20_000,
  );

  it(
    'keeps a handler slower than the ack wait from redelivery',
    async () => {
      const ackWaitMs = 1_000;
      const deliveries: Delivery[] = [];
      const done = deferred();
      await startApp(
        async (event, context) => {
          record(deliveries, event, context);
          // Simulated work that outlasts the ack wait twice over.
          await new Promise((resolve) => setTimeout(resolve, 2.5 * ackWaitMs));
          done.resolve();
        },
        { binding: { ackWaitMs, maxInFlight: 2 } },
      );

      await publish();
      await done.promise;

      const settled = await waitForSettled();
      expect(deliveries.map((delivery) => delivery.deliveryCount)).toEqual([1]);
      expect(settled.num_redelivered).toBe(0);
    },
    10_000,
  );
});
