import type { AddressInfo } from 'node:net';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, type Logger } from '@lookout/runtime';
import { createTestBucket, s3EnvFor, startNats, type NatsHandle } from '@lookout/testing';

import { createResultsApp } from '../src/app.factory.js';
import { loadResultsConfig, type ResultsConfig } from '../src/config/results-config.js';
import { createMigratedDataSource } from './migrated-data-source.js';

export interface WebhooksTestApp {
  app: NestExpressApplication;
  /** `http://127.0.0.1:<port>` of the running app. */
  baseUrl: string;
  config: ResultsConfig;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Starts the real results application with extra environment variables (the webhook settings),
 * against a freshly migrated database, a new bucket and a NATS server of its own.
 */
export async function startWebhooksTestApp(prefix: string, env: NodeJS.ProcessEnv): Promise<WebhooksTestApp> {
  const nats: NatsHandle = await startNats();
  try {
    const { databaseUrl, dataSource } = await createMigratedDataSource(prefix);
    await dataSource.destroy();
    const bucket = await createTestBucket(prefix.replaceAll('_', '-'));
    const config = loadResultsConfig({ DATABASE_URL: databaseUrl, NATS_URL: nats.url, ...s3EnvFor(bucket), ...env });
    const logger = createLogger('results-test', process.env.LOG_LEVEL ?? 'warn');

    const app = await createResultsApp(config, logger);
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;

    const close = async (): Promise<void> => {
      await app.close();
      await nats.stop();
    };
    return { app, baseUrl: `http://127.0.0.1:${port}`, config, logger, close };
  } catch (error) {
    await nats.stop();
    throw error;
  }
}
