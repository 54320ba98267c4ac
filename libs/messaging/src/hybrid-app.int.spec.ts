import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createEvent, STREAMS, SUBJECTS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import { deferred, startNats, type Deferred, type NatsHandle } from '@lookout/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Controller, Inject, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { LogCapture } from '../test/log-capture.js';
import { imageUploadedEvent } from '../test/test-events.js';
import { ensureStreams } from './ensure-streams.js';
import { EventPublisher } from './event.publisher.js';
import { JetStreamContext } from './jetstream.context.js';
import { JetStreamServer } from './jetstream.server.js';
import { MessagingModule } from './messaging.module.js';

const DURABLE = 'hybrid-test';

interface Script {
  /** Resolved when the handler starts, with the delivery count. */
  started: Deferred<number>;
  /** The handler waits for this before it publishes its result. */
  release: Deferred<void>;
  failFirstDelivery: boolean;
}

const SCRIPT = Symbol('SCRIPT');

/** Handles an upload the way the detector does: it publishes a follow-up event before the upload is acked. */
@Controller()
class UploadHandler {
  constructor(
    private readonly publisher: EventPublisher,
    @Inject(SCRIPT) private readonly script: Script,
  ) {}

  @EventPattern<string>(SUBJECTS.imageUploaded)
  async handle(@Payload() event: CloudEvent<ImageUploadedV1>, @Ctx() context: JetStreamContext): Promise<void> {
    this.script.started.resolve(context.deliveryCount);
    if (this.script.failFirstDelivery && context.deliveryCount === 1) {
      throw new Error('model session is not ready');
    }
    await this.script.release.promise;
    const failed = createEvent(SUBJECTS.detectionsFailed, {
      source: '/lookout/hybrid-test',
      subject: event.data.imageId,
      data: {
        imageId: event.data.imageId,
        jobId: event.id,
        reason: 'decode_failed',
        message: 'test result',
        detectorId: 'hybrid-test',
        failedAt: new Date().toISOString(),
      },
    });
    await this.publisher.publish(SUBJECTS.detectionsFailed, failed);
  }
}

describe('hybrid application', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let logs: LogCapture;

  beforeEach(async () => {
    nats = await startNats();
    nc = await connect({ servers: nats.url });
    await ensureStreams(nc);
    logs = new LogCapture();
  });

  afterEach(async () => {
    await nc.close();
    await nats.stop();
  });

  async function startHybridApp(script: Script): Promise<INestApplication> {
    @Module({
      imports: [MessagingModule.forRoot({ url: nats.url, name: 'hybrid-test', logger: logs.logger })],
      controllers: [UploadHandler],
      providers: [{ provide: SCRIPT, useValue: script }],
    })
    class AppModule {}

    const app = await NestFactory.create(AppModule, { logger: false });
    const strategy = new JetStreamServer({
      url: nats.url,
      name: 'hybrid-test',
      consumers: [{ stream: STREAMS.images.name, durable: DURABLE, filterSubject: SUBJECTS.imageUploaded }],
      logger: logs.logger,
    });
    app.connectMicroservice({ strategy }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.init();
    return app;
  }

  async function publishUpload(): Promise<number> {
    const publisher = new EventPublisher(nc, logs.logger);
    return (await publisher.publish(SUBJECTS.imageUploaded, imageUploadedEvent())).seq;
  }

  it('publishes from a running handler during close()', async () => {
    const script: Script = { started: deferred<number>(), release: deferred(), failFirstDelivery: false };
    const app = await startHybridApp(script);
    const seq = await publishUpload();
    await script.started.promise;

    const closing = app.close();
    await logs.waitForMessage('JetStream server stopping and waiting for running handlers');
    script.release.resolve();
    await closing;

    const jsm = await jetstreamManager(nc);
    const detections = await jsm.streams.info(STREAMS.detections.name);
    const consumer = await jsm.consumers.info(STREAMS.images.name, DURABLE);
    expect(detections.state.messages).toBe(1);
    expect(consumer.ack_floor.stream_seq).toBe(seq);
    expect(consumer.num_ack_pending).toBe(0);
  });

  it('logs the handler error through the inherited interceptor', async () => {
    const script: Script = { started: deferred<number>(), release: deferred(), failFirstDelivery: true };
    script.release.resolve();
    const app = await startHybridApp(script);

    const seq = await publishUpload();

    const retry = await logs.waitForMessage('handler failed and the message will be delivered again');
    expect(retry).toMatchObject({ seq, deliveryCount: 1, err: { name: 'Error', message: 'model session is not ready' } });
    await app.close();
  });
});
