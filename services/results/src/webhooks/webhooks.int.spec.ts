import { createHmac, randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, encodeEvent, STREAMS, SUBJECTS, type CloudEvent, type DetectionsCompletedV1 } from '@lookout/contracts';
import { connectNats, EventPublisher } from '@lookout/messaging';
import { waitFor } from '@lookout/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

import { completedData, detection, failedData } from '../../test/event-fixtures.js';
import { WebhookReceiver, type ReceivedRequest } from '../../test/webhook-receiver.js';
import { startWebhooksTestApp, type WebhooksTestApp } from '../../test/webhooks-test-app.js';
import { WEBHOOK_CONSUMERS } from './webhook-event.consumer.js';
import type { CreatedWebhookView, DeliveryPage, DeliveryView, WebhookView } from './webhook-view.js';

const SOURCE = '/lookout/webhooks-test';
const RETRY_BASE_MS = 100;
const DELIVERY_TIMEOUT_MS = 15_000;

interface ErrorResponse {
  error: { code: string; message: string };
}

describe('webhooks', () => {
  let receiver: WebhookReceiver;
  let results: WebhooksTestApp;
  let nc: NatsConnection;
  let publisher: EventPublisher;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    results = await startWebhooksTestApp('results_webhooks', {
      WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${receiver.port}`,
      WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '4',
    });
    nc = await connectNats({ url: results.config.NATS_URL, name: 'webhooks-test-publisher', logger: results.logger });
    publisher = new EventPublisher(nc, results.logger);
  });

  afterAll(async () => {
    await nc?.close();
    await results?.close();
    await receiver?.close();
  });

  async function request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${results.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  async function register(body: Record<string, unknown>): Promise<CreatedWebhookView> {
    const response = await request<CreatedWebhookView>('POST', '/v1/webhooks', body);
    expect(response.status).toBe(201);
    return response.body;
  }

  async function publishCompleted(data: Partial<DetectionsCompletedV1> = {}): Promise<CloudEvent<DetectionsCompletedV1>> {
    const imageId = randomUUID();
    const event = createEvent(SUBJECTS.detectionsCompleted, { source: SOURCE, subject: imageId, data: completedData(imageId, data) });
    await publisher.publish(SUBJECTS.detectionsCompleted, event);
    return event;
  }

  async function deliveriesOf(webhookId: string): Promise<DeliveryView[]> {
    const response = await request<DeliveryPage>('GET', `/v1/webhooks/${webhookId}/deliveries`);
    expect(response.status).toBe(200);
    return response.body.deliveries;
  }

  /** Waits until the delivery of an event has left `pending`, which happens after the receiver responded. */
  function settledDelivery(webhookId: string, eventId: string): Promise<DeliveryView> {
    return waitFor(
      async () => (await deliveriesOf(webhookId)).find((delivery) => delivery.eventId === eventId && delivery.status !== 'pending'),
      { describe: `the delivery of event ${eventId} to webhook ${webhookId} to settle`, timeoutMs: DELIVERY_TIMEOUT_MS },
    );
  }

  function verifySignature(received: ReceivedRequest, secret: string): boolean {
    const timestamp = String(received.headers['lookout-timestamp']);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${received.body}`).digest('hex');
    return received.headers['lookout-signature'] === `v1=${expected}`;
  }

  describe('registration', () => {
    it('returns the webhook with a secret shown only once', async () => {
      const created = await register({ url: receiver.url('/hooks/registered'), filter: { labels: ['person'], minScore: 0.6 }, description: 'door camera' });

      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        url: receiver.url('/hooks/registered'),
        filter: { events: ['detections.completed.v1', 'detections.failed.v1'], labels: ['person'], minScore: 0.6 },
        description: 'door camera',
        secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        createdAt: expect.any(String),
      });
      const { secret, ...view } = created;
      const fetched = await request<WebhookView>('GET', `/v1/webhooks/${created.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(view);
      const listed = await request<{ webhooks: WebhookView[] }>('GET', '/v1/webhooks');
      expect(listed.body.webhooks).toContainEqual(view);
      expect(JSON.stringify(listed.body)).not.toContain(secret);

      expect((await request('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(204);
      const afterDelete = await request<ErrorResponse>('GET', `/v1/webhooks/${created.id}`);
      expect(afterDelete.status).toBe(404);
      expect(afterDelete.body.error.code).toBe('webhook_not_found');
    });

    it('rejects https://127.0.0.1 when the allow-list does not name it', async () => {
      const response = await request<ErrorResponse>('POST', '/v1/webhooks', { url: 'https://127.0.0.1/hooks' });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('webhook_endpoint_rejected');
      expect(response.body.error.message).toContain('loopback');
    });

    it('rejects https://localhost, which resolves to loopback', async () => {
      const response = await request<ErrorResponse>('POST', '/v1/webhooks', { url: 'https://localhost:8443/hooks' });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('webhook_endpoint_rejected');
    });

    it('rejects http for a host the allow-list does not name', async () => {
      const response = await request<ErrorResponse>('POST', '/v1/webhooks', { url: 'http://127.0.0.1:1/hooks' });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('webhook_endpoint_rejected');
      expect(response.body.error.message).toContain('https');
    });

    it('names the invalid field', async () => {
      const response = await request<ErrorResponse>('POST', '/v1/webhooks', { url: receiver.url('/hooks/x'), filter: { minScore: 2 } });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_webhook');
      expect(response.body.error.message).toContain('filter.minScore');
    });

    it('rejects a webhook id that is not a UUID', async () => {
      const response = await request<ErrorResponse>('GET', '/v1/webhooks/42/deliveries');

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_parameter');
    });
  });

  describe('delivery', () => {
    it('POSTs the signed CloudEvent with its id header', async () => {
      const webhook = await register({ url: receiver.url('/hooks/signed') });
      const received = receiver.waitForRequests('/hooks/signed', 1);

      const event = await publishCompleted();
      const [post] = await received;

      expect(post!.method).toBe('POST');
      expect(post!.headers['content-type']).toBe('application/cloudevents+json');
      expect(post!.headers['lookout-event-id']).toBe(event.id);
      expect(Math.abs(Number(post!.headers['lookout-timestamp']) - Date.now() / 1_000)).toBeLessThan(60);
      expect(verifySignature(post!, webhook.secret)).toBe(true);
      expect(verifySignature(post!, 'another-secret')).toBe(false);
      expect(JSON.parse(post!.body)).toEqual(event);

      const delivery = await settledDelivery(webhook.id, event.id);
      expect(delivery).toMatchObject({ status: 'delivered', subject: 'detections.completed.v1', imageId: event.subject, nextAttemptAt: null });
      expect(delivery.attempts).toEqual([{ attempt: 1, attemptedAt: expect.any(String), statusCode: 200, error: null, durationMs: expect.any(Number) }]);
      await request('DELETE', `/v1/webhooks/${webhook.id}`);
    });

    it('delivers only the events that pass the label and minScore filter', async () => {
      const filtered = await register({
        url: receiver.url('/hooks/filtered'),
        filter: { labels: ['person'], minScore: 0.6, events: ['detections.completed.v1'] },
      });
      const everything = await register({ url: receiver.url('/hooks/everything') });
      const allReceived = receiver.waitForRequests('/hooks/everything', 4);
      const filteredReceived = receiver.waitForRequests('/hooks/filtered', 1);

      const imageId = randomUUID();
      const failed = createEvent(SUBJECTS.detectionsFailed, { source: SOURCE, subject: imageId, data: failedData(imageId) });
      await publisher.publish(SUBJECTS.detectionsFailed, failed);
      const dogOnly = await publishCompleted({ detections: [detection('dog', 0.95)] });
      const weakPerson = await publishCompleted({ detections: [detection('person', 0.5, 0)] });
      const person = await publishCompleted({ detections: [detection('dog', 0.3), detection('person', 0.8, 0)] });

      // Each event queues the deliveries of both webhooks in one transaction, so once the unfiltered
      // webhook has all four, the filtered one's deliveries are final.
      const all = await allReceived;
      expect(new Set(all.map((post) => post.headers['lookout-event-id']))).toEqual(new Set([failed.id, dogOnly.id, weakPerson.id, person.id]));
      const [post] = await filteredReceived;
      expect(post!.headers['lookout-event-id']).toBe(person.id);
      expect((await deliveriesOf(filtered.id)).map((delivery) => delivery.eventId)).toEqual([person.id]);

      await request('DELETE', `/v1/webhooks/${filtered.id}`);
      await request('DELETE', `/v1/webhooks/${everything.id}`);
    });

    it('retries a failing receiver with growing delays and lists every attempt', async () => {
      const webhook = await register({ url: receiver.url('/hooks/flaky') });
      receiver.respondWith('/hooks/flaky', [500, 500]);
      const received = receiver.waitForRequests('/hooks/flaky', 3);

      const event = await publishCompleted();
      const posts = await received;

      expect(posts.map((post) => post.headers['lookout-event-id'])).toEqual([event.id, event.id, event.id]);
      expect(posts.every((post) => verifySignature(post, webhook.secret))).toBe(true);
      expect(posts[1]!.receivedAt - posts[0]!.receivedAt).toBeGreaterThanOrEqual(RETRY_BASE_MS);
      expect(posts[2]!.receivedAt - posts[1]!.receivedAt).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS);

      const delivery = await settledDelivery(webhook.id, event.id);
      expect(delivery.status).toBe('delivered');
      expect(delivery.attempts.map(({ attempt, statusCode, error }) => ({ attempt, statusCode, error }))).toEqual([
        { attempt: 1, statusCode: 500, error: 'HTTP status 500' },
        { attempt: 2, statusCode: 500, error: 'HTTP status 500' },
        { attempt: 3, statusCode: 200, error: null },
      ]);
      const times = delivery.attempts.map((attempt) => Date.parse(attempt.attemptedAt));
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(RETRY_BASE_MS);
      expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS);
      await request('DELETE', `/v1/webhooks/${webhook.id}`);
    });

    it('marks a delivery failed after WEBHOOK_MAX_ATTEMPTS', async () => {
      const webhook = await register({ url: receiver.url('/hooks/down') });
      receiver.respondWith('/hooks/down', [503, 503, 503, 503]);

      const event = await publishCompleted();
      const delivery = await settledDelivery(webhook.id, event.id);

      expect(delivery.status).toBe('failed');
      expect(delivery.attempts.map((attempt) => attempt.statusCode)).toEqual([503, 503, 503, 503]);
      expect(delivery.completedAt).not.toBeNull();
      expect(receiver.receivedOn('/hooks/down')).toHaveLength(4);
      await request('DELETE', `/v1/webhooks/${webhook.id}`);
    });

    it('queues one delivery for an event the stream delivers twice', async () => {
      const webhook = await register({ url: receiver.url('/hooks/once') });
      const received = receiver.waitForRequests('/hooks/once', 2);
      const imageId = randomUUID();
      const repeated = createEvent(SUBJECTS.detectionsCompleted, { source: SOURCE, subject: imageId, data: completedData(imageId) });

      // Two message ids put the same event in the stream twice, as a publisher retrying after the
      // duplicate window would, so the consumer delivers the same event id twice.
      const js = jetstream(nc);
      await js.publish(SUBJECTS.detectionsCompleted, encodeEvent(repeated), { msgID: `${repeated.id}-first` });
      await js.publish(SUBJECTS.detectionsCompleted, encodeEvent(repeated), { msgID: `${repeated.id}-second` });
      // The consumer handles events in stream order, so the marker's delivery is queued after both copies.
      const marker = await publishCompleted();
      const posts = await received;

      expect(new Set(posts.map((post) => post.headers['lookout-event-id']))).toEqual(new Set([repeated.id, marker.id]));
      const deliveries = await deliveriesOf(webhook.id);
      expect(deliveries.map((delivery) => delivery.eventId).sort()).toEqual([repeated.id, marker.id].sort());
      await request('DELETE', `/v1/webhooks/${webhook.id}`);
    });

    it('queues nothing again when a recreated consumer redelivers an event', async () => {
      const webhook = await register({ url: receiver.url('/hooks/redelivered') });
      const first = receiver.waitForRequests('/hooks/redelivered', 1);
      const event = await publishCompleted();
      await first;

      // A new durable starts at the first message of the stream, so every earlier event, this one
      // included, reaches the fan-out a second time.
      const durable = WEBHOOK_CONSUMERS.find((binding) => binding.filterSubject === SUBJECTS.detectionsCompleted)!.durable;
      const jsm = await jetstreamManager(nc);
      await jsm.consumers.delete(STREAMS.detections.name, durable);
      const both = receiver.waitForRequests('/hooks/redelivered', 2);
      const marker = await publishCompleted();
      const posts = await both;

      expect(posts.map((post) => post.headers['lookout-event-id'])).toEqual([event.id, marker.id]);
      const consumer = await jsm.consumers.info(STREAMS.detections.name, durable);
      expect(consumer.delivered.consumer_seq).toBeGreaterThan(1);
      const deliveries = await deliveriesOf(webhook.id);
      expect(deliveries.map((delivery) => delivery.eventId)).toEqual([marker.id, event.id]);
      await request('DELETE', `/v1/webhooks/${webhook.id}`);
    }, 60_000);

    it('pages the deliveries newest first', async () => {
      const webhook = await register({ url: receiver.url('/hooks/paged') });
      const received = receiver.waitForRequests('/hooks/paged', 3);
      const events = [await publishCompleted(), await publishCompleted(), await publishCompleted()];
      await received;

      const first = await request<DeliveryPage>('GET', `/v1/webhooks/${webhook.id}/deliveries?limit=2`);
      expect(first.body.deliveries.map((delivery) => delivery.eventId)).toEqual([events[2]!.id, events[1]!.id]);
      expect(first.body.nextCursor).not.toBeNull();
      const second = await request<DeliveryPage>('GET', `/v1/webhooks/${webhook.id}/deliveries?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.deliveries.map((delivery) => delivery.eventId)).toEqual([events[0]!.id]);
      expect(second.body.nextCursor).toBeNull();
      await request('DELETE', `/v1/webhooks/${webhook.id}`);
    });
  });
});
