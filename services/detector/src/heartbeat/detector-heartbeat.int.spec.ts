import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { DETECTOR_HEARTBEAT_SUBJECT, detectorHeartbeatV1Schema, type DetectorHeartbeatV1 } from '@lookout/contracts';
import { createLogger } from '@lookout/runtime';
import { startNats, type NatsHandle } from '@lookout/testing';
import { DetectorHeartbeat } from './detector-heartbeat.js';

const logger = createLogger('detector-heartbeat-test', 'silent');
const STARTED_AT = new Date('2025-12-04T10:00:00.000Z');
// Short enough that the second heartbeat arrives quickly; the test waits for the message, not a time.
const TEST_INTERVAL_MS = 200;

/** Collects the heartbeats of one subscription and hands them out in arrival order. */
class HeartbeatInbox {
  private readonly iterator: AsyncIterator<{ data: Uint8Array }>;

  constructor(subscription: Subscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async next(): Promise<DetectorHeartbeatV1> {
    const { value, done } = await this.iterator.next();
    if (done === true) {
      throw new Error('the heartbeat subscription closed');
    }
    return detectorHeartbeatV1Schema.parse(JSON.parse(new TextDecoder().decode(value.data)));
  }
}

describe('DetectorHeartbeat', () => {
  let nats: NatsHandle;
  let publisherConnection: NatsConnection;
  let subscriberConnection: NatsConnection;

  beforeAll(async () => {
    nats = await startNats();
    publisherConnection = await connect({ servers: nats.url, name: 'detector-heartbeat-publisher' });
    subscriberConnection = await connect({ servers: nats.url, name: 'detector-heartbeat-subscriber' });
  });

  afterAll(async () => {
    await publisherConnection?.close();
    await subscriberConnection?.close();
    await nats?.stop();
  });

  it('sends running heartbeats, then stopping', async () => {
    const subscription = subscriberConnection.subscribe(DETECTOR_HEARTBEAT_SUBJECT);
    await subscriberConnection.flush();
    const inbox = new HeartbeatInbox(subscription);
    const identity = { detectorId: 'detector-a', executionProvider: 'cpu', model: { id: 'nanodet-g-416', version: '2025.1' }, startedAt: STARTED_AT };
    const heartbeat = new DetectorHeartbeat(publisherConnection, identity, logger, TEST_INTERVAL_MS);

    heartbeat.start();
    const first = await inbox.next();
    const second = await inbox.next();
    await heartbeat.stop();
    const last = await inbox.next();
    subscription.unsubscribe();

    expect(first).toMatchObject({ detectorId: 'detector-a', executionProvider: 'cpu', model: identity.model, state: 'running', startedAt: STARTED_AT.toISOString() });
    expect(second.state).toBe('running');
    expect(Date.parse(second.sentAt)).toBeGreaterThanOrEqual(Date.parse(first.sentAt));
    expect(last).toMatchObject({ detectorId: 'detector-a', state: 'stopping' });
  });

  it('sends stopping once when stopped twice', async () => {
    const subscription = subscriberConnection.subscribe(DETECTOR_HEARTBEAT_SUBJECT);
    await subscriberConnection.flush();
    const inbox = new HeartbeatInbox(subscription);
    const identity = { detectorId: 'detector-b', executionProvider: 'cuda', model: { id: 'nanodet-g-416', version: '2025.1' }, startedAt: STARTED_AT };
    const heartbeat = new DetectorHeartbeat(publisherConnection, identity, logger, TEST_INTERVAL_MS);

    heartbeat.start();
    await inbox.next();
    await heartbeat.stop();
    await heartbeat.stop();
    const stopping = await inbox.next();
    // Messages of one connection arrive in order, so a second stopping heartbeat would arrive before this marker.
    publisherConnection.publish(DETECTOR_HEARTBEAT_SUBJECT, JSON.stringify({ ...stopping, detectorId: 'marker' }));
    const afterStop = await inbox.next();
    subscription.unsubscribe();

    expect(stopping.state).toBe('stopping');
    expect(afterStop.detectorId).toBe('marker');
  });
});
