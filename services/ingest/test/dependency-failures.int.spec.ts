import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CreateBucketCommand, DeleteBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@lookout/contracts';
import { ensureStreams } from '@lookout/messaging';
import { createS3Client, createTestBucket, startNats, testServers, type NatsHandle, type TestBucket } from '@lookout/testing';
import { listKeys } from './bucket-contents.js';
import { noiseImage } from './image-fixtures.js';
import { startIngestApp, type RunningIngestApp } from './ingest-test-app.js';
import { getJson, postImages } from './multipart-client.js';

interface ErrorBody {
  error: { code: string; message: string };
}

// These tests break NATS and S3 on purpose, so they use a NATS server and a bucket of their own.
describe('ingest with failing dependencies', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let bucket: TestBucket;
  let s3: S3Client;
  let ingest: RunningIngestApp;

  beforeAll(async () => {
    nats = await startNats();
    bucket = await createTestBucket('ingest-failures');
    s3 = createS3Client(testServers().s3);
    ingest = await startIngestApp(nats.url, bucket);
    nc = await connect({ servers: nats.url, name: 'ingest-failures-spec' });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await ingest?.close();
    await nc?.close();
    await nats?.stop();
    s3?.destroy();
  });

  it('deletes stored objects when publishing fails -> 503 queue_unavailable', async () => {
    // Without the IMAGES stream, JetStream confirms no publish on images.uploaded.v1.
    await jsm.streams.delete(STREAMS.images.name);
    try {
      const response = await postImages(ingest.baseUrl, [
        { name: 'a.png', bytes: await noiseImage('png') },
        { name: 'b.jpg', bytes: await noiseImage('jpeg') },
      ]);

      expect(response.status).toBe(503);
      expect((response.body as ErrorBody).error.code).toBe('queue_unavailable');
      expect(await listKeys(s3, bucket.bucket)).toEqual([]);
    } finally {
      await ensureStreams(nc);
    }
  });

  it('answers 503 storage_unavailable and an unhealthy status without the bucket', async () => {
    await s3.send(new DeleteBucketCommand({ Bucket: bucket.bucket }));
    try {
      const upload = await postImages(ingest.baseUrl, [{ name: 'a.png', bytes: await noiseImage('png') }]);
      const health = await getJson(`${ingest.baseUrl}/health`);

      expect(upload.status).toBe(503);
      expect((upload.body as ErrorBody).error.code).toBe('storage_unavailable');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'unavailable', checks: { nats: 'ok', storage: 'unavailable' } });
    } finally {
      await s3.send(new CreateBucketCommand({ Bucket: bucket.bucket }));
    }
  });
});
