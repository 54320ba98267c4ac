import { describe, expect, it } from '@jest/globals';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';

import { createTestBucket } from '../create-test-bucket.js';
import { createTestDatabase } from '../create-test-database.js';
import { createS3Client } from '../s3/create-s3-client.js';
import { testServers } from '../test-servers-env.js';

// These tests run in a jest worker, so they also show that the variables set by global setup
// reached the workers.
describe('test servers from global setup', () => {
  it('exports reachable NATS coordinates', async () => {
    const connection = await connect({ servers: testServers().natsUrl });

    expect(connection.info?.jetstream).toBe(true);
    await connection.close();
  });

  it('creates separate databases', async () => {
    const first = await createTestDatabase('ingest');
    const second = await createTestDatabase('ingest');

    expect(first).not.toBe(second);
    const client = new pg.Client({ connectionString: first });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('select current_database() as name');

      expect(rows[0]?.name).toMatch(/^ingest_[0-9a-f]{12}$/);
      expect(first.endsWith(`/${rows[0]?.name}`)).toBe(true);
    } finally {
      await client.end();
    }
  });

  it('creates separate buckets', async () => {
    const first = await createTestBucket('photos');
    const second = await createTestBucket('photos');

    expect(first.bucket).not.toBe(second.bucket);
    expect(first.endpoint).toBe(testServers().s3.endpoint);
    const client = createS3Client(first);
    try {
      const head = await client.send(new HeadBucketCommand({ Bucket: second.bucket }));

      expect(head.$metadata.httpStatusCode).toBe(200);
    } finally {
      client.destroy();
    }
  });
});
