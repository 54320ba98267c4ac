import type { INestApplication } from '@nestjs/common';
import { createLogger, loadConfig } from '@lookout/runtime';
import { freePort, LOOPBACK_HOST, type TestBucket } from '@lookout/testing';
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
    S3_BUCKET: bucket.bucket,
    S3_ENDPOINT: bucket.endpoint,
    S3_REGION: bucket.region,
    S3_ACCESS_KEY_ID: bucket.accessKeyId,
    S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
    ...overrides,
  });
  const logger = createLogger('ingest', process.env.LOG_LEVEL ?? 'silent');
  const app = await createIngestApp(config, logger);
  await app.listen(port, LOOPBACK_HOST);
  return { app, config, baseUrl: `http://${LOOPBACK_HOST}:${port}`, close: () => app.close() };
}
