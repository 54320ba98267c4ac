import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { STREAMS, SUBJECTS } from '@lookout/contracts';
import { startNats, type NatsHandle } from '@lookout/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { LogCapture } from '../test/log-capture.js';
import { imageUploadedEvent } from '../test/test-events.js';
import { EventPublisher } from './event.publisher.js';
import { MessagingModule } from './messaging.module.js';
import { NATS_CONNECTION } from './messaging.tokens.js';

describe('MessagingModule', () => {
  let nats: NatsHandle;

  beforeEach(async () => {
    nats = await startNats();
  });

  afterEach(async () => {
    await nats.stop();
  });

  async function createContext(logs: LogCapture) {
    @Module({ imports: [MessagingModule.forRoot({ url: nats.url, name: 'module-test', logger: logs.logger })] })
    class AppModule {}
    return NestFactory.createApplicationContext(AppModule, { logger: false });
  }

  it('provides a publisher on a connection with the streams in place', async () => {
    const logs = new LogCapture();
    const context = await createContext(logs);
    const publisher = context.get(EventPublisher);
    const nc = context.get<NatsConnection>(NATS_CONNECTION);

    const result = await publisher.publish(SUBJECTS.imageUploaded, imageUploadedEvent());

    const jsm = await jetstreamManager(nc);
    expect(result.duplicate).toBe(false);
    expect((await jsm.streams.info(STREAMS.images.name)).state.messages).toBe(1);
    expect((await jsm.streams.info(STREAMS.detections.name)).config.subjects).toEqual(['detections.>']);
    await context.close();
  });

  it('drains the connection on shutdown', async () => {
    const logs = new LogCapture();
    const context = await createContext(logs);
    const nc = context.get<NatsConnection>(NATS_CONNECTION);

    await context.close();

    expect(nc.isClosed()).toBe(true);
    await logs.waitForMessage('NATS connection closed');
  });
});
