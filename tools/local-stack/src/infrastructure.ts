import { freePort, startNats, startPostgres, startS3 } from '@lookout/testing';
import type { Logger } from '@lookout/runtime';

/** Where the stack's servers are; unset variables are replaced by embedded servers. */
export interface Infrastructure {
  natsUrl: string;
  databaseUrl: string;
  s3: { endpoint?: string; region: string; bucket: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
  stop(): Promise<void>;
}

export const DEFAULT_BUCKET = 'lookout-images';

/**
 * Uses NATS_URL, DATABASE_URL and S3_ENDPOINT from the environment when set and starts
 * nats-server with JetStream, embedded PostgreSQL and s3rver on free ports for the rest.
 */
export async function startInfrastructure(env: NodeJS.ProcessEnv, logger: Logger): Promise<Infrastructure> {
  const stops: Array<() => Promise<void>> = [];
  const bucket = env.S3_BUCKET ?? DEFAULT_BUCKET;

  const natsPromise = env.NATS_URL
    ? Promise.resolve({ url: env.NATS_URL, stop: async () => {} })
    : startNats().then((nats) => (logger.info({ url: nats.url }, 'started nats-server with JetStream'), nats));
  const postgresPromise = env.DATABASE_URL
    ? Promise.resolve({ url: env.DATABASE_URL, stop: async () => {} })
    : startPostgres({ port: await freePort() }).then((pg) => (logger.info({ port: pg.port }, 'started embedded PostgreSQL'), pg));
  const s3Promise = env.S3_ENDPOINT
    ? Promise.resolve(null)
    : startS3({ buckets: [bucket] }).then((s3) => (logger.info({ endpoint: s3.endpoint }, 'started s3rver'), s3));

  const settled = await Promise.allSettled([natsPromise, postgresPromise, s3Promise]);
  for (const result of settled) {
    if (result.status === 'fulfilled' && result.value) {
      stops.push(result.value.stop);
    }
  }
  const stop = async () => {
    await Promise.allSettled(stops.map((stopOne) => stopOne()));
  };
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }

  const [nats, postgres, s3] = await Promise.all([natsPromise, postgresPromise, s3Promise]);
  return {
    natsUrl: nats.url,
    databaseUrl: postgres.url,
    s3: s3
      ? { endpoint: s3.endpoint, region: s3.region, bucket, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true }
      : {
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION ?? 'us-east-1',
          bucket,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false',
        },
    stop,
  };
}

/** Environment variables that point a service at the infrastructure. */
export function infrastructureEnv(infrastructure: Infrastructure): NodeJS.ProcessEnv {
  const { s3 } = infrastructure;
  const env: NodeJS.ProcessEnv = {
    NATS_URL: infrastructure.natsUrl,
    DATABASE_URL: infrastructure.databaseUrl,
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_FORCE_PATH_STYLE: String(s3.forcePathStyle),
  };
  if (s3.endpoint) env.S3_ENDPOINT = s3.endpoint;
  if (s3.accessKeyId) env.S3_ACCESS_KEY_ID = s3.accessKeyId;
  if (s3.secretAccessKey) env.S3_SECRET_ACCESS_KEY = s3.secretAccessKey;
  return env;
}
