import { describe, expect, it } from '@jest/globals';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';

import { portIsFree } from '../port-is-free.js';
import { createS3Client } from './create-s3-client.js';
import { startS3 } from './start-s3.js';

const BUCKET = 'probe';

async function listAllKeys(client: S3Client, pageSize: number): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: pageSize, ContinuationToken: token }));
    pages += 1;
    keys.push(...(page.Contents ?? []).map((object) => object.Key ?? ''));
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return { keys, pages };
}

describe('startS3', () => {
  it('serves the configured buckets', async () => {
    const s3 = await startS3({ buckets: [BUCKET] });
    const client = createS3Client(s3);
    try {
      expect(s3.endpoint).toBe(`http://127.0.0.1:${s3.port}`);

      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a/one.txt', Body: 'first', ContentType: 'text/plain' }));
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'a/one.txt' }));

      expect(object.ContentType).toBe('text/plain');
      await expect(object.Body?.transformToString()).resolves.toBe('first');
    } finally {
      client.destroy();
      await s3.stop();
    }

    await expect(portIsFree(s3.port)).resolves.toBe(true);
    expect(existsSync(s3.dataDir)).toBe(false);
  });

  it('paginates ListObjectsV2', async () => {
    const s3 = await startS3({ buckets: [BUCKET] });
    const client = createS3Client(s3);
    try {
      const written = ['k1', 'k2', 'k3', 'k4', 'k5'];
      for (const key of written) {
        await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
      }

      const listed = await listAllKeys(client, 2);

      expect(listed.keys).toEqual(written);
      expect(listed.pages).toBe(3);
    } finally {
      client.destroy();
      await s3.stop();
    }
  });
});
