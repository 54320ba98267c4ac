import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestPinoLogger, type Logger } from '@lookout/runtime';
import { AppModule } from './app.module.js';
import type { IngestConfig } from './config/ingest-config.js';

/**
 * Creates the ingest application: connects to NATS, makes sure the streams
 * and the bucket exist, but does not listen yet.
 */
export async function createIngestApp(config: IngestConfig, logger: Logger): Promise<INestApplication> {
  return NestFactory.create(AppModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
    // Only multer and the direct upload routes' own JSON reader read request bodies, each with its limit.
    bodyParser: false,
    // Start-up errors reach the caller, which logs them, instead of ending the process inside Nest.
    abortOnError: false,
  });
}
