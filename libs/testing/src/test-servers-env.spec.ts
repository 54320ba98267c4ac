import { describe, expect, it } from '@jest/globals';

import { testServers } from './test-servers-env.js';

const complete = {
  LOOKOUT_TEST_NATS_URL: 'nats://127.0.0.1:4333',
  LOOKOUT_TEST_DATABASE_URL: 'postgres://lookout:lookout@127.0.0.1:5444/lookout',
  LOOKOUT_TEST_S3_ENDPOINT: 'http://127.0.0.1:5555',
  LOOKOUT_TEST_S3_REGION: 'us-east-1',
  LOOKOUT_TEST_S3_ACCESS_KEY_ID: 'S3RVER',
  LOOKOUT_TEST_S3_SECRET_ACCESS_KEY: 'S3RVER',
};

describe('testServers', () => {
  it('reads every coordinate', () => {
    expect(testServers(complete)).toEqual({
      natsUrl: 'nats://127.0.0.1:4333',
      databaseUrl: 'postgres://lookout:lookout@127.0.0.1:5444/lookout',
      s3: { endpoint: 'http://127.0.0.1:5555', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  it('names the missing variable', () => {
    const { LOOKOUT_TEST_S3_ENDPOINT: _omitted, ...withoutS3 } = complete;

    expect(() => testServers(withoutS3)).toThrow('LOOKOUT_TEST_S3_ENDPOINT is not set');
  });
});
