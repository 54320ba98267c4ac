import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { STREAMS, type DetectionFoundV1 } from '@lookout/contracts';
import { ensureStreams } from '@lookout/messaging';
import { deferred, startNats, waitFor, type NatsHandle } from '@lookout/testing';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { detectionFoundEvent, TestEventPublisher } from '../test/detection-events.fixture.js';
import { MemoryLogger } from '../test/memory-logger.js';
import { ReceivedEvents } from '../test/received-events.js';
import { subscribeToDetections, type DetectionSubscriptionOptions, type Subscription } from './index.js';

describe('durable subscriptions', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let publish: TestEventPublisher;
  const subscriptions: Subscription[] = [];

  beforeEach(async () => {
    nats = await startNats();
    nc = await connect({ servers: nats.url });
    await ensureStreams(nc);
    jsm = await jetstreamManager(nc);
    publish = new TestEventPublisher(nc);
  });

  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
    await nc.close();
    await nats.stop();
  });

  async function subscribe(options: Omit<DetectionSubscriptionOptions, 'servers' | 'logger'>): Promise<Subscription> {
    const subscription = await subscribeToDetections({ servers: nats.url, logger: new MemoryLogger(), ...options });
    subscriptions.push(subscription);
    return subscription;
  }

  function settled(durable: string) {
    return waitFor(
      async () => {
        const info = await jsm.consumers.info(STREAMS.detections.name, durable);
        return info.num_pending === 0 && info.num_ack_pending === 0 ? info : undefined;
      },
      { describe: `durable ${durable} to settle every event`, timeoutMs: 10_000 },
    );
  }

  /** Publishes one person event per score and returns the events with their stream sequences. */
  async function publishPeople(scores: number[]): Promise<Array<{ id: string; seq: number }>> {
    const published: Array<{ id: string; seq: number }> = [];
    for (const score of scores) {
      const event = detectionFoundEvent('person', score);
      published.push({ id: event.id, seq: await publish.found(event) });
    }
    return published;
  }

  it('delivers events published while stopped after a restart', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    const releaseFirst = deferred();
    const holdFirst = async () => {
      if (received.all.length === 1) {
        await releaseFirst.promise;
      }
    };
    await subscribe({ durable: 'restarts', labels: ['person'], handler: received.handler('first', holdFirst) });
    const [first] = await publishPeople([0.9]);
    await received.waitForCount(1);

    // Events arrive while the first instance is stopping with a handler still running, and after it has stopped.
    const stopping = subscriptions[0]!.stop();
    const duringStop = await publishPeople([0.8, 0.7]);
    releaseFirst.resolve();
    await stopping;
    const afterStop = await publishPeople([0.6, 0.5]);

    await subscribe({ durable: 'restarts', labels: ['person'], startAt: 'all', handler: received.handler('second') });
    await received.waitForCount(5);
    await settled('restarts-person');

    expect(received.all.filter(({ instance }) => instance === 'first').map(({ event }) => event.id)).toEqual([first!.id]);
    expect(received.all.filter(({ instance }) => instance === 'second').map(({ event }) => event.id)).toEqual([...duringStop, ...afterStop].map(({ id }) => id));
  });

  it('replays from a stream sequence', async () => {
    const published = await publishPeople([0.9, 0.8, 0.7, 0.6]);
    const received = new ReceivedEvents<DetectionFoundV1>();

    await subscribe({ durable: 'from-seq', labels: ['person'], startAt: { sequence: published[2]!.seq }, handler: received.handler() });
    await received.waitForCount(2);
    await settled('from-seq-person');

    expect(received.ids()).toEqual([published[2]!.id, published[3]!.id]);
  });

  it('replays from a time', async () => {
    const before = await publishPeople([0.9, 0.8]);
    // Stored timestamps come from the same clock, so events published after this millisecond are stored at or after it.
    const startTime = new Date(Date.now() + 1);
    await waitFor(() => Date.now() > startTime.getTime(), { describe: 'the clock to pass the start time' });
    const after = await publishPeople([0.7, 0.6]);
    const received = new ReceivedEvents<DetectionFoundV1>();

    await subscribe({ durable: 'from-time', startAt: { time: startTime }, handler: received.handler() });
    await received.waitForCount(2);
    const info = await settled('from-time');

    expect(before).toHaveLength(2);
    expect(received.ids()).toEqual(after.map(({ id }) => id));
    expect(info.delivered.consumer_seq).toBe(2);
  });

  it('resumes an existing durable despite startAt', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    const first = await subscribe({ durable: 'resume', handler: received.handler() });
    const [handled] = await publishPeople([0.9]);
    await received.waitForCount(1);
    await settled('resume');
    await first.stop();

    const [missed] = await publishPeople([0.8]);
    await subscribe({ durable: 'resume', startAt: 'all', handler: received.handler() });
    await received.waitForCount(2);
    await settled('resume');

    expect(received.ids()).toEqual([handled!.id, missed!.id]);
  });

  it('updates the settings of an existing durable', async () => {
    const first = await subscribe({ durable: 'tuned', handler: () => undefined });
    await first.stop();

    await subscribe({ durable: 'tuned', maxDeliver: 3, ackWaitMs: 5_000, handler: () => undefined });
    const info = await jsm.consumers.info(STREAMS.detections.name, 'tuned');

    expect(info.config.max_deliver).toBe(3);
    expect(info.config.ack_wait).toBe(5_000 * 1_000_000);
    expect(info.config.deliver_policy).toBe('new');
  });

  it('splits the work between two instances', async () => {
    const received = new ReceivedEvents<DetectionFoundV1>();
    const bothBusy = deferred();
    // Each instance handles one event at a time and keeps its first one waiting until the other has one too, so neither can take every event.
    const holdUntilBothBusy = async () => {
      if (new Set(received.all.map(({ instance }) => instance)).size === 2) {
        bothBusy.resolve();
      }
      await bothBusy.promise;
    };
    await subscribe({ durable: 'workers', handler: received.handler('a', holdUntilBothBusy) });
    await subscribe({ durable: 'workers', handler: received.handler('b', holdUntilBothBusy) });

    const published = await publishPeople([0.9, 0.8, 0.7, 0.6, 0.5, 0.4]);
    await received.waitForCount(published.length);
    await settled('workers');

    expect(received.ids().sort()).toEqual(published.map(({ id }) => id).sort());
    expect(received.all.filter(({ instance }) => instance === 'a').length).toBeGreaterThan(0);
    expect(received.all.filter(({ instance }) => instance === 'b').length).toBeGreaterThan(0);
  });
});
