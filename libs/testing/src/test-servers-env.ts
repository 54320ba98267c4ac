/** Environment variables through which jest's global setup passes the test servers to workers. */
export const TEST_SERVER_ENV = {
  natsUrl: 'LOOKOUT_TEST_NATS_URL',
  databaseUrl: 'LOOKOUT_TEST_DATABASE_URL',
  s3Endpoint: 'LOOKOUT_TEST_S3_ENDPOINT',
  s3Region: 'LOOKOUT_TEST_S3_REGION',
  s3AccessKeyId: 'LOOKOUT_TEST_S3_ACCESS_KEY_ID',
  s3SecretAccessKey: 'LOOKOUT_TEST_S3_SECRET_ACCESS_KEY',
} as const;

export interface TestS3Server {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface TestServerCoordinates {
  natsUrl: string;
  databaseUrl: string;
  s3: TestS3Server;
}

function requireEnv(name: string, env: NodeJS.ProcessEnv): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new Error(
      `${name} is not set. Run the tests through jest, whose global setup (libs/testing/src/jest/global-setup.ts) ` +
        `starts the test servers, or set ${name} to a running server.`,
    );
  }
  return value;
}

/** Reads the test servers' coordinates that jest's global setup exported. */
export function testServers(env: NodeJS.ProcessEnv = process.env): TestServerCoordinates {
  return {
    natsUrl: requireEnv(TEST_SERVER_ENV.natsUrl, env),
    databaseUrl: requireEnv(TEST_SERVER_ENV.databaseUrl, env),
    s3: {
      endpoint: requireEnv(TEST_SERVER_ENV.s3Endpoint, env),
      region: requireEnv(TEST_SERVER_ENV.s3Region, env),
      accessKeyId: requireEnv(TEST_SERVER_ENV.s3AccessKeyId, env),
      secretAccessKey: requireEnv(TEST_SERVER_ENV.s3SecretAccessKey, env),
    },
  };
}
