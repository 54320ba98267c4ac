import type { AddressInfo } from 'node:net';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger } from '@lookout/runtime';
import { createTestBucket, s3EnvFor, startNats, type NatsHandle } from '@lookout/testing';

import { createResultsApp } from '../src/app.factory.js';
import { loadResultsConfig, type ResultsConfig } from '../src/config/results-config.js';
import { createMigratedDataSource } from './migrated-data-source.js';

export interface ResultsReplica {
  app: NestExpressApplication;
  /** `http://127.0.0.1:<port>` of the running app. */
  baseUrl: string;
}

export interface ResultsReplicas {
  replicas: ResultsReplica[];
  /** Configuration that every replica shares. */
  config: ResultsConfig;
  close(): Promise<void>;
}

/**
 * Starts `count` real results applications on one NATS server of their own, one freshly migrated
 * database and one bucket, as replicas of one deployment run.
 */
export async function startResultsReplicas(prefix: string, count: number): Promise<ResultsReplicas> {
  const nats: NatsHandle = await startNats();
  const replicas: ResultsReplica[] = [];
  const close = async (): Promise<void> => {
    for (const replica of replicas) {
      await replica.app.close();
    }
    await nats.stop();
  };

  try {
    const { databaseUrl, dataSource } = await createMigratedDataSource(prefix);
    await dataSource.destroy();
    const bucket = await createTestBucket(prefix.replaceAll('_', '-'));
    const config = loadResultsConfig({ DATABASE_URL: databaseUrl, NATS_URL: nats.url, ...s3EnvFor(bucket) });
    const logger = createLogger('results-test', process.env.LOG_LEVEL ?? 'warn');

    for (let i = 0; i < count; i += 1) {
      const app = await createResultsApp(config, logger.child({ replica: i }));
      await app.startAllMicroservices();
      await app.listen(0, '127.0.0.1');
      const { port } = app.getHttpServer().address() as AddressInfo;
      replicas.push({ app, baseUrl: `http://127.0.0.1:${port}` });
    }
    return { replicas, config, close };
  } catch (error) {
    await close();
    throw error;
  }
}
