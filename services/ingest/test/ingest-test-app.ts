import type { INestApplication } from '@nestjs/common';
import { createLogger, loadConfig } from '@lookout/runtime';
import { freePort, LOOPBACK_HOST, s3EnvFor, type TestBucket } from '@lookout/testing';
import { createIngestApp } from '../src/app.factory.js';
import { ingestConfigSchema, type IngestConfig } from '../src/config/ingest-config.js';

export interface RunningIngestApp {
  app: INestApplication;
  config: IngestConfig;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Starts the ingest application on a free loopback port against the given
 * NATS server and test bucket. `overrides` sets further variables, such as
 * lower limits. Logs stay silent unless LOG_LEVEL is set.
 */
export async function startIngestApp(
  natsUrl: string,
  bucket: TestBucket,
  overrides: Record<string, string> = {},
): Promise<RunningIngestApp> {
  const port = await freePort();
  const config = loadConfig(ingestConfigSchema, {
    INGEST_PORT: String(port),
    NATS_URL: natsUrl,
    ...s3EnvFor(bucket),
    ...overrides,
  });
  const logger = createLogger('ingest', process.env.LOG_LEVEL ?? 'silent');
  const app = await createIngestApp(config, logger);
  await app.listen(port, LOOPBACK_HOST);
  return { app, config, baseUrl: `http://${LOOPBACK_HOST}:${port}`, close: () => app.close() };
}
