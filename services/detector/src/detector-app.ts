import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { SUBJECTS, STREAMS } from '@lookout/contracts';
import { JetStreamServer, type ConsumerBinding } from '@lookout/messaging';
import { errorFields, NestPinoLogger, type Logger } from '@lookout/runtime';
import type { DetectorConfig } from './config/detector-config.js';
import { DetectorModule } from './detector.module.js';
import { HeartbeatService } from './heartbeat/heartbeat.service.js';
import { ModelService } from './model/model.service.js';
import { CudaUnavailableError } from './model/onnx-session.adapter.js';

/** Durable consumer shared by every detector replica, so each job goes to one of them. */
export const DETECTOR_DURABLE = 'detector';

export function detectorConsumer(config: DetectorConfig): ConsumerBinding {
  return {
    stream: STREAMS.images.name,
    durable: DETECTOR_DURABLE,
    filterSubject: SUBJECTS.imageUploaded,
    maxInFlight: config.concurrency,
    maxDeliver: config.delivery.maxDeliver,
    retryDelay: config.delivery.retryDelay,
  };
}

/** Creates the hybrid app and starts its health endpoint, which returns 503 until the model is loaded. */
export async function listenDetectorApp(config: DetectorConfig, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create(DetectorModule.forRoot(config, logger), { logger: new NestPinoLogger(logger) });
  app.connectMicroservice(
    { strategy: new JetStreamServer({ url: config.natsUrl, name: `detector-${config.detectorId}`, consumers: [detectorConsumer(config)], logger }) },
    { inheritAppConfig: true },
  );
  await app.listen(config.port, config.host);
  logger.info({ port: config.port, host: config.host, detectorId: config.detectorId }, 'health endpoint listening');
  return app;
}

/**
 * Loads the model, then starts the JetStream consumer, so no job is taken before the model can run it,
 * and then the heartbeat that announces this detector.
 */
export async function startConsuming(app: INestApplication, config: DetectorConfig, logger: Logger): Promise<void> {
  const model = await app.get(ModelService).load();
  await app.startAllMicroservices();
  app.get(HeartbeatService).start(model);
  logger.info(
    { detectorId: config.detectorId, executionProvider: model.executionProvider, model: model.ref, consumer: detectorConsumer(config) },
    'consuming detection jobs',
  );
}

/**
 * Starts the whole detector. Closes the app and raises when the model fails to load or NATS is
 * unreachable, except when DETECTOR_DEVICE=cuda finds no usable CUDA runtime: then the app stays up
 * without consuming and `/health` returns 503 with reason cuda_unavailable. Restarting would fail the
 * same way, while a failing health check lets the orchestrator replace the instance.
 */
export async function startDetectorApp(config: DetectorConfig, logger: Logger): Promise<INestApplication> {
  const app = await listenDetectorApp(config, logger);
  try {
    await startConsuming(app, config, logger);
  } catch (error) {
    if (error instanceof CudaUnavailableError) {
      logger.error(
        { ...errorFields(error), detectorId: config.detectorId, device: config.device },
        'CUDA is unavailable, so the detector takes no jobs and its health check fails',
      );
      return app;
    }
    await app.close();
    throw error;
  }
  return app;
}
