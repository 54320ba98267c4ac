import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ensureStreams } from '@lookout/messaging';
import { startNats, waitFor, type NatsHandle } from '@lookout/testing';
import type { Subscription } from '@lookout/subscriber';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { detectionFoundEvent, TestEventPublisher } from '../../../libs/subscriber/test/detection-events.fixture.js';
import { MemoryLogger } from '../../../libs/subscriber/test/memory-logger.js';
import { loadLabelAlertConfig } from './label-alert-config.js';
import { startLabelAlert, type LabelAlert } from './label-alert.js';

/** A webhook receiver on 127.0.0.1 that responds with the queued status codes, then 204. */
class WebhookReceiver {
  readonly bodies: LabelAlert[] = [];
  private readonly received = new EventEmitter();
  private server: Server | undefined;

  constructor(private readonly statuses: number[] = []) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        this.bodies.push(JSON.parse(body) as LabelAlert);
        response.writeHead(this.statuses.shift() ?? 204).end();
        this.received.emit('post');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/alerts`;
  }

  waitForPosts(count: number): Promise<LabelAlert[]> {
    return waitFor(() => (this.bodies.length >= count ? this.bodies : undefined), {
      describe: `${count} webhook posts`,
      timeoutMs: 10_000,
      on: { emitter: this.received, event: 'post' },
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

describe('label alert example', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let publish: TestEventPublisher;
  let subscription: Subscription | undefined;
  let webhook: WebhookReceiver | undefined;
  const lines: string[] = [];
  const written = new EventEmitter();
  const output = {
    write: (line: string) => {
      lines.push(line);
      written.emit('line');
    },
    logger: new MemoryLogger(),
  };

  function waitForLines(count: number): Promise<string[]> {
    return waitFor(() => (lines.length >= count ? lines : undefined), { describe: `${count} alert lines`, timeoutMs: 10_000, on: { emitter: written, event: 'line' } });
  }

  beforeEach(async () => {
    nats = await startNats();
    nc = await connect({ servers: nats.url });
    await ensureStreams(nc);
    publish = new TestEventPublisher(nc);
    lines.length = 0;
  });

  afterEach(async () => {
    await subscription?.stop();
    await webhook?.stop();
    subscription = undefined;
    webhook = undefined;
    await nc.close();
    await nats.stop();
  });

  it('alerts on the chosen label above the minimum score', async () => {
    const config = loadLabelAlertConfig({ NATS_URL: nats.url });
    subscription = await startLabelAlert(config, output);

    const person = detectionFoundEvent('person', 0.91);
    const seq = await publish.found(person);
    await publish.found(detectionFoundEvent('dog', 0.99));
    await publish.found(detectionFoundEvent('person', 0.59));
    const lastPerson = detectionFoundEvent('person', 0.6);
    await publish.found(lastPerson);
    await waitForLines(2);

    expect(subscription.durables).toEqual(['label-alert-person']);
    expect(JSON.parse(lines[0]!)).toEqual({
      alert: 'label_detected',
      label: 'person',
      score: 0.91,
      boxes: 1,
      imageId: person.data.imageId,
      model: 'test-model@1',
      detectedAt: person.data.completedAt,
      streamSequence: seq,
    });
    expect((JSON.parse(lines[1]!) as LabelAlert).imageId).toBe(lastPerson.data.imageId);
  });

  it('posts each alert to the webhook and retries a failed post', async () => {
    webhook = new WebhookReceiver([503]);
    const config = loadLabelAlertConfig({
      NATS_URL: nats.url,
      ALERT_LABEL: 'traffic light',
      ALERT_MIN_SCORE: '0.5',
      DURABLE: 'crossing',
      ALERT_WEBHOOK_URL: await webhook.start(),
    });
    subscription = await startLabelAlert(config, output);

    const light = detectionFoundEvent('traffic light', 0.7);
    await publish.found(light);
    // The first post gets 503, so the SDK delivers the event again after its first retry delay (1 s).
    const posts = await webhook.waitForPosts(2);
    await waitForLines(1);

    expect(subscription.durables).toEqual(['crossing-traffic_light']);
    expect(posts.map((post) => post.imageId)).toEqual([light.data.imageId, light.data.imageId]);
    expect(lines).toHaveLength(1);
    expect(output.logger.withMessage('handler failed and the event will be delivered again')[0]?.fields).toMatchObject({
      err: { message: expect.stringMatching(/returned HTTP 503/) },
    });
  });
});

describe('loadLabelAlertConfig', () => {
  it('fills in the defaults', () => {
    expect(loadLabelAlertConfig({})).toEqual({ natsUrl: 'nats://127.0.0.1:4222', label: 'person', minScore: 0.6, durable: 'label-alert', webhookUrl: undefined });
  });

  it('prefers NATS_URL over the stack URL', () => {
    expect(loadLabelAlertConfig({}, 'nats://127.0.0.1:4888').natsUrl).toBe('nats://127.0.0.1:4888');
    expect(loadLabelAlertConfig({ NATS_URL: 'nats://127.0.0.1:4999' }, 'nats://127.0.0.1:4888').natsUrl).toBe('nats://127.0.0.1:4999');
  });

  it.each([
    [{ ALERT_MIN_SCORE: 'high' }, /^Invalid ALERT_MIN_SCORE: expected a number from 0 to 1/],
    [{ ALERT_LABEL: ' ' }, /^Invalid ALERT_LABEL/],
    [{ ALERT_WEBHOOK_URL: 'ftp://127.0.0.1/alerts' }, /^Invalid ALERT_WEBHOOK_URL: expected an http/],
  ])('rejects %j', (env, message) => {
    expect(() => loadLabelAlertConfig(env)).toThrow(message);
  });
});
