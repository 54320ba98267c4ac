import { createLogger } from '@lookout/runtime';
import { createTestBucket, createTestDatabase, startNats, type NatsHandle } from '@lookout/testing';
import { repoPath, startStack, type Stack } from '@lookout/local-stack';

export interface RunningStack {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the whole product on the test servers, as `npm start` does: a database and a bucket of its
 * own, and a NATS server of its own because stream and consumer names are fixed per deployment.
 */
export async function startTestStack(name: string, options: { detectors?: number } = {}): Promise<RunningStack> {
  const nats: NatsHandle = await startNats();
  const bucket = await createTestBucket(name);
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
        DATABASE_URL: await createTestDatabase(name),
        S3_ENDPOINT: bucket.endpoint,
        S3_REGION: bucket.region,
        S3_BUCKET: bucket.bucket,
        S3_ACCESS_KEY_ID: bucket.accessKeyId,
        S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
        LOG_LEVEL: 'debug',
      },
    });
  } catch (error) {
    await nats.stop();
    throw error;
  }
  return {
    url: stack.url.replace('localhost', '127.0.0.1'),
    stop: async () => {
      await stack.stop();
      await nats.stop();
    },
  };
}
