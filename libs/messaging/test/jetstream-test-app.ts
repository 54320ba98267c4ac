import { SUBJECTS, STREAMS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import type { Logger } from '@lookout/runtime';
import { Controller, Inject, Module, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { JetStreamContext, JetStreamServer, MessagingModule, type ConsumerBinding } from '../src/index.js';

export type HandlerBehaviour = (event: CloudEvent<ImageUploadedV1>, context: JetStreamContext) => Promise<void>;

const HANDLER_BEHAVIOUR = Symbol('HANDLER_BEHAVIOUR');

/** The images.uploaded.v1 handler of the test application. Each test supplies its behaviour. */
@Controller()
class ImageUploadedTestHandler {
  constructor(@Inject(HANDLER_BEHAVIOUR) private readonly behaviour: HandlerBehaviour) {}

  @EventPattern<string>(SUBJECTS.imageUploaded)
  async handle(@Payload() event: CloudEvent<ImageUploadedV1>, @Ctx() context: JetStreamContext): Promise<void> {
    await this.behaviour(event, context);
  }
}

@Module({})
class JetStreamTestAppModule {}

export interface TestAppOptions {
  natsUrl: string;
  logger: Logger;
  behaviour: HandlerBehaviour;
  /** Overrides of the images consumer binding. */
  binding?: Partial<ConsumerBinding>;
  /** Imports MessagingModule, as services do. Default true. */
  withMessagingModule?: boolean;
}

export const TEST_DURABLE = 'messaging-test';

/** Starts a Nest microservice that consumes images.uploaded.v1 through JetStreamServer. */
export async function startTestApp(options: TestAppOptions): Promise<INestMicroservice> {
  const binding: ConsumerBinding = {
    stream: STREAMS.images.name,
    durable: TEST_DURABLE,
    filterSubject: SUBJECTS.imageUploaded,
    ...options.binding,
  };
  const module: DynamicModule = {
    module: JetStreamTestAppModule,
    imports: options.withMessagingModule === false ? [] : [MessagingModule.forRoot({ url: options.natsUrl, name: 'messaging-test', logger: options.logger })],
    controllers: [ImageUploadedTestHandler],
    providers: [{ provide: HANDLER_BEHAVIOUR, useValue: options.behaviour }],
  };
  const strategy = new JetStreamServer({ url: options.natsUrl, name: 'messaging-test', consumers: [binding], logger: options.logger });
  const app = await NestFactory.createMicroservice(module, { strategy, logger: false });
  await app.listen();
  return app;
}
