import { createLogger } from '@lookout/runtime';
import { createTestBucket, createTestDatabase, s3EnvFor, startNats, type NatsHandle } from '@lookout/testing';
import { repoPath, startStack, type Stack } from '@lookout/local-stack';

export interface RunningStack {
  url: string;
  /** PostgreSQL database of this stack, for tests that check what results stored. */
  databaseUrl: string;
  /** NATS server of this stack, for tests that read the streams. */
  natsUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the whole product on the test servers, as `npm start` does: a database and a bucket of its
 * own, and a NATS server of its own because stream and consumer names are fixed per deployment.
 */
export async function startTestStack(name: string, options: { detectors?: number } = {}): Promise<RunningStack> {
  const nats: NatsHandle = await startNats();
  const bucket = await createTestBucket(name);
  const databaseUrl = await createTestDatabase(name);
  let stack: Stack;
  try {
    stack = await startStack({
      port: 0,
      host: '127.0.0.1',
      detectors: options.detectors,
      logDir: repoPath('test-output', `${name}-logs`),
      logger: createLogger(`${name}-stack`, 'warn'),
      env: {
        NATS_URL: nats.url,
        DATABASE_URL: databaseUrl,
        ...s3EnvFor(bucket),
        LOG_LEVEL: 'debug',
      },
    });
  } catch (error) {
    await nats.stop();
    throw error;
  }
  return {
    url: stack.url.replace('localhost', '127.0.0.1'),
    databaseUrl,
    natsUrl: nats.url,
    stop: async () => {
      await stack.stop();
      await nats.stop();
    },
  };
}
