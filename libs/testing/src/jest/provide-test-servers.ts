import { startNats } from '../nats/start-nats.js';
import { startPostgres } from '../postgres/start-postgres.js';
import { S3RVER_ACCESS_KEY_ID, S3RVER_REGION, S3RVER_SECRET_ACCESS_KEY } from '../s3/s3rver-credentials.js';
import { startS3 } from '../s3/start-s3.js';
import { TEST_SERVER_ENV } from '../test-servers-env.js';

export interface StoppableServer {
  stop(): Promise<void>;
}

function isSet(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name];
  return value !== undefined && value !== '';
}

function setDefault(env: NodeJS.ProcessEnv, name: string, value: string): void {
  if (!isSet(env, name)) {
    env[name] = value;
  }
}

/**
 * Starts a throwaway server for each of NATS, PostgreSQL and S3 whose LOOKOUT_TEST_* variable
 * is unset, in parallel, and writes the coordinates of all three into `env`. Servers named by
 * the variables are used as they are. Returns the servers it started.
 */
export async function provideTestServers(env: NodeJS.ProcessEnv = process.env): Promise<StoppableServer[]> {
  const starts: Array<Promise<StoppableServer>> = [];

  if (!isSet(env, TEST_SERVER_ENV.natsUrl)) {
    starts.push(
      startNats().then((nats) => {
        env[TEST_SERVER_ENV.natsUrl] = nats.url;
        return nats;
      }),
    );
  }

  if (!isSet(env, TEST_SERVER_ENV.databaseUrl)) {
    starts.push(
      startPostgres().then((postgres) => {
        env[TEST_SERVER_ENV.databaseUrl] = postgres.url;
        return postgres;
      }),
    );
  }

  if (!isSet(env, TEST_SERVER_ENV.s3Endpoint)) {
    starts.push(
      startS3().then((s3) => {
        env[TEST_SERVER_ENV.s3Endpoint] = s3.endpoint;
        env[TEST_SERVER_ENV.s3Region] = s3.region;
        env[TEST_SERVER_ENV.s3AccessKeyId] = s3.accessKeyId;
        env[TEST_SERVER_ENV.s3SecretAccessKey] = s3.secretAccessKey;
        return s3;
      }),
    );
  }

  // An external S3 endpoint given alone is taken to be s3rver-compatible.
  setDefault(env, TEST_SERVER_ENV.s3Region, S3RVER_REGION);
  setDefault(env, TEST_SERVER_ENV.s3AccessKeyId, S3RVER_ACCESS_KEY_ID);
  setDefault(env, TEST_SERVER_ENV.s3SecretAccessKey, S3RVER_SECRET_ACCESS_KEY);

  const results = await Promise.allSettled(starts);
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length > 0) {
    await Promise.all(started.map((server) => server.stop()));
    const messages = failures.map((reason) => (reason instanceof Error ? reason.message : String(reason)));
    throw new AggregateError(failures, `Could not start the test servers:\n${messages.join('\n\n')}`);
  }
  return started;
}
