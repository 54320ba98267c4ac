import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JetStreamServer, type ConsumerBinding } from '@lookout/messaging';
import { NestPinoLogger, type Logger } from '@lookout/runtime';
import { SUBJECTS, STREAMS } from '@lookout/contracts';

import { AppModule } from './app.module.js';
import type { ResultsConfig } from './config/results-config.js';
import { setupOpenApi } from './docs/openapi.js';
import { ErrorResponseFilter } from './errors/error-response.filter.js';

const NATS_CLIENT_NAME = 'results';

/** The JetStream consumers this service reads. Every replica shares them, so each event reaches one replica. */
export const RESULTS_CONSUMERS: ConsumerBinding[] = [
  { stream: STREAMS.images.name, durable: 'results-images', filterSubject: SUBJECTS.imageUploaded },
  // Exact subjects, because `detections.>` would also deliver every per-label detections.found.v1 event.
  { stream: STREAMS.detections.name, durable: 'results-completed', filterSubject: SUBJECTS.detectionsCompleted },
  { stream: STREAMS.detections.name, durable: 'results-failed', filterSubject: SUBJECTS.detectionsFailed },
  { stream: STREAMS.detections.name, durable: 'results-started', filterSubject: SUBJECTS.detectionsStarted },
];

/**
 * Builds the hybrid application: HTTP routes plus the JetStream consumers, with the JSON error
 * filter on both. The caller starts it with `startAllMicroservices()`, whose JetStreamServer
 * creates or updates the streams (`ensureStreams`) before binding the consumers, and `listen()`.
 */
export async function createResultsApp(config: ResultsConfig, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, logger }), {
    logger: new NestPinoLogger(logger),
  });
  app.useGlobalFilters(new ErrorResponseFilter(logger));
  setupOpenApi(app);
  app.connectMicroservice(
    { strategy: new JetStreamServer({ url: config.NATS_URL, name: NATS_CLIENT_NAME, consumers: RESULTS_CONSUMERS, logger }) },
    { inheritAppConfig: true },
  );
  return app;
}
