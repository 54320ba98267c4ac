import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ObjectStore } from '@lookout/storage';
import { createS3Client, createTestBucket, photoPath, testServers, type TestBucket } from '@lookout/testing';
import sharp from 'sharp';
import { UploadTokenCodec } from '../src/direct-uploads/upload-token.js';
import { emptyBucket, listKeys, readObject } from './bucket-contents.js';
import { completeUpload, createUpload, putToPresignedUrl, type CreatedUploadBody } from './direct-upload-client.js';
import { pixelBombPng } from '@lookout/testing';
import { noiseImage, truncated } from './image-fixtures.js';
import { startIngestApp, type RunningIngestApp } from './ingest-test-app.js';
import { lastImagesSequence, uploadEventsSince } from './upload-events.js';

const MEBIBYTE_BYTES = 1024 * 1024;
const MAX_DIRECT_UPLOAD_BYTES = 10 * MEBIBYTE_BYTES;
const UPLOAD_TOKEN_SECRET = 'direct-uploads-spec-secret-of-32-characters';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface QueuedImageBody {
  images: Array<{ id: string; status: string; statusUrl: string }>;
}

interface ErrorBody {
  error: { code: string; message: string };
}

/** Encodes an uncompressed PNG of noise, 2000 x 1600 RGB: just over 9 MiB. */
async function largePng(): Promise<Buffer> {
  const noise = { type: 'gaussian' as const, mean: 128, sigma: 60 };
  return sharp({ create: { width: 2000, height: 1600, channels: 3, background: { r: 0, g: 0, b: 0 }, noise } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

describe('direct uploads', () => {
  let bucket: TestBucket;
  let s3: S3Client;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let ingest: RunningIngestApp;
  let sequenceBefore: number;

  beforeAll(async () => {
    const servers = testServers();
    bucket = await createTestBucket('ingest-direct');
    s3 = createS3Client(servers.s3);
    ingest = await startIngestApp(servers.natsUrl, bucket, {
      MAX_DIRECT_UPLOAD_BYTES: String(MAX_DIRECT_UPLOAD_BYTES),
      UPLOAD_TOKEN_SECRET,
    });
    nc = await connect({ servers: servers.natsUrl, name: 'ingest-direct-uploads-spec' });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await ingest?.close();
    await nc?.close();
    s3?.destroy();
  });

  beforeEach(async () => {
    await emptyBucket(s3, bucket.bucket);
    sequenceBefore = await lastImagesSequence(jsm);
  });

  /** Creates an upload for `bytes` and PUTs them, declaring `declared` in place of the real file when given. */
  async function upload(fileName: string, contentType: string, bytes: Buffer, declaredBytes = bytes.length): Promise<CreatedUploadBody> {
    const created = await createUpload(ingest.baseUrl, { fileName, contentType, bytes: declaredBytes });
    expect(created.status).toBe(201);
    const body = created.body as CreatedUploadBody;
    expect(await putToPresignedUrl(body, bytes)).toBe(200);
    return body;
  }

  async function expectNothingStoredOrPublished(): Promise<void> {
    expect(await listKeys(s3, bucket.bucket)).toEqual([]);
    expect(await uploadEventsSince(jsm, sequenceBefore, bucket.bucket)).toEqual([]);
  }

  it('returns a presigned PUT URL for the pending key', async () => {
    const before = Date.now();

    const response = await createUpload(ingest.baseUrl, { fileName: 'dog.jpg', contentType: 'image/jpeg', bytes: 163_759 });

    expect(response.status).toBe(201);
    const body = response.body as CreatedUploadBody;
    expect(body.imageId).toMatch(UUID_V4);
    expect(body.uploadId).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(body.method).toBe('PUT');
    expect(body.headers).toEqual({ 'content-type': 'image/jpeg' });
    const url = new URL(body.url);
    expect(url.origin).toBe(bucket.endpoint);
    expect(url.pathname).toBe(`/${bucket.bucket}/uploads/pending/${body.imageId}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    const expiresInMs = Date.parse(body.expiresAt) - before;
    expect(expiresInMs).toBeGreaterThan(14 * 60_000);
    expect(expiresInMs).toBeLessThanOrEqual(15 * 60_000);
  });

  it('stores and announces a real photo', async () => {
    const photo = await readFile(photoPath('dog.jpg'));
    const { width, height } = await sharp(photo).metadata();
    const created = await upload('dog.jpg', 'image/jpeg', photo);

    const response = await completeUpload(ingest.baseUrl, created.uploadId);

    expect(response.status).toBe(202);
    const { imageId } = created;
    expect(response.body).toEqual({ images: [{ id: imageId, status: 'queued', statusUrl: `/v1/images/${imageId}` }] });

    const keys = await listKeys(s3, bucket.bucket);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(new RegExp(`^images/\\d{4}/\\d{2}/\\d{2}/${imageId}\\.jpg$`));
    expect(keys[1]).toBe(`thumbnails/${imageId}.webp`);
    const original = await readObject(s3, bucket.bucket, keys[0]);
    expect(original.bytes.equals(photo)).toBe(true);
    expect(original.contentType).toBe('image/jpeg');
    const thumbnail = await readObject(s3, bucket.bucket, keys[1]);
    expect(thumbnail.contentType).toBe('image/webp');
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({ format: 'webp', width: 320 });

    const events = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(events).toHaveLength(1);
    const [{ event, messageId }] = events;
    expect(messageId).toBe(event.id);
    expect(event.data).toEqual({
      imageId,
      object: { bucket: bucket.bucket, key: keys[0] },
      contentType: 'image/jpeg',
      format: 'jpeg',
      bytes: photo.length,
      width,
      height,
      pages: 1,
      originalName: 'dog.jpg',
      thumbnail: { bucket: bucket.bucket, key: keys[1] },
      uploadedAt: event.time,
    });
  });

  it('streams a 9 MiB image through a temporary file', async () => {
    const png = await largePng();
    expect(png.length).toBeGreaterThan(9 * MEBIBYTE_BYTES);
    const store = ingest.app.get(ObjectStore);
    const getStream = jest.spyOn(store, 'getStream');
    const getRange = jest.spyOn(store, 'getRange');
    const get = jest.spyOn(store, 'get');
    try {
      const created = await upload('large.png', 'image/png', png);

      const response = await completeUpload(ingest.baseUrl, created.uploadId);

      expect(response.status).toBe(202);
      const pendingKey = `uploads/pending/${created.imageId}`;
      expect(getRange.mock.calls).toEqual([[pendingKey, 0, 64 * 1024 - 1]]);
      expect(getStream.mock.calls).toEqual([[pendingKey]]);
      expect(get).not.toHaveBeenCalled();
    } finally {
      getStream.mockRestore();
      getRange.mockRestore();
      get.mockRestore();
    }
    const [{ event }] = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(event.data).toMatchObject({ format: 'png', bytes: png.length, width: 2000, height: 1600 });
    const thumbnail = await readObject(s3, bucket.bucket, `thumbnails/${event.data.imageId}.webp`);
    expect(await sharp(thumbnail.bytes).metadata()).toMatchObject({ width: 320, height: 256 });
  });

  it('sends the detection options of the complete body', async () => {
    const created = await upload('noise.png', 'image/png', await noiseImage('png'));

    const response = await completeUpload(ingest.baseUrl, created.uploadId, { minScore: 0.5, classes: ['dog', 'person'], classAgnostic: true });

    expect(response.status).toBe(202);
    const [{ event }] = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(event.data.options).toEqual({ minScore: 0.5, classes: ['dog', 'person'], classAgnostic: true });
  });

  it('keeps the upload for a retry when an option is invalid', async () => {
    const created = await upload('noise.png', 'image/png', await noiseImage('png'));

    const rejected = await completeUpload(ingest.baseUrl, created.uploadId, { minScore: 2 });
    const retried = await completeUpload(ingest.baseUrl, created.uploadId);

    expect(rejected.status).toBe(400);
    expect((rejected.body as ErrorBody).error.code).toBe('invalid_option');
    expect(retried.status).toBe(202);
  });

  it('completes an upload once', async () => {
    const created = await upload('noise.png', 'image/png', await noiseImage('png'));

    const first = await completeUpload(ingest.baseUrl, created.uploadId);
    const second = await completeUpload(ingest.baseUrl, created.uploadId);

    expect(first.status).toBe(202);
    expect(second.status).toBe(400);
    expect((second.body as ErrorBody).error.code).toBe('upload_not_found');
    expect(await uploadEventsSince(jsm, sequenceBefore, bucket.bucket)).toHaveLength(1);
  });

  describe('create rejections', () => {
    it.each([
      [{ fileName: 'huge.png', contentType: 'image/png', bytes: MAX_DIRECT_UPLOAD_BYTES + 1 }, 413, 'payload_too_large'],
      [{ fileName: 'doc.pdf', contentType: 'application/pdf', bytes: 1000 }, 415, 'unsupported_media_type'],
      [{ fileName: 'a.png', contentType: 'image/png' }, 400, 'invalid_upload_request'],
    ])('%j -> %d %s', async (body, status, code) => {
      const response = await createUpload(ingest.baseUrl, body);

      expect(response.status).toBe(status);
      expect((response.body as ErrorBody).error.code).toBe(code);
    });

    it('malformed JSON -> 400 invalid_json', async () => {
      const response = await fetch(`${ingest.baseUrl}/v1/uploads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"fileName":' });

      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe('invalid_json');
    });

    it('form body -> 415 json_required', async () => {
      const response = await fetch(`${ingest.baseUrl}/v1/uploads`, { method: 'POST', body: new URLSearchParams({ fileName: 'a.png' }) });

      expect(response.status).toBe(415);
      expect(((await response.json()) as ErrorBody).error.code).toBe('json_required');
    });
  });

  describe('complete rejections store and publish nothing', () => {
    it('no PUT -> 400 upload_not_found', async () => {
      const created = await createUpload(ingest.baseUrl, { fileName: 'dog.jpg', contentType: 'image/jpeg', bytes: 1000 });

      const response = await completeUpload(ingest.baseUrl, (created.body as CreatedUploadBody).uploadId);

      expect(response.status).toBe(400);
      expect((response.body as ErrorBody).error.code).toBe('upload_not_found');
      await expectNothingStoredOrPublished();
    });

    it('text PUT as a PNG -> 415 unsupported_media_type from the first bytes', async () => {
      const created = await upload('fake.png', 'image/png', Buffer.from('not an image at all\n'));
      const getStream = jest.spyOn(ingest.app.get(ObjectStore), 'getStream');

      const response = await completeUpload(ingest.baseUrl, created.uploadId);

      getStream.mockRestore();
      expect(getStream).not.toHaveBeenCalled();
      expect(response.status).toBe(415);
      expect((response.body as ErrorBody).error.message).toBe(
        "File 'fake.png' is not a recognised image; accepted formats are JPEG, PNG, WebP, GIF, AVIF, TIFF.",
      );
      await expectNothingStoredOrPublished();
    });

    it('pixel bomb -> 422 image_too_large before the download', async () => {
      const created = await upload('bomb.png', 'image/png', pixelBombPng(50_000, 50_000));
      const getStream = jest.spyOn(ingest.app.get(ObjectStore), 'getStream');

      const response = await completeUpload(ingest.baseUrl, created.uploadId);

      getStream.mockRestore();
      expect(getStream).not.toHaveBeenCalled();
      expect(response.status).toBe(422);
      expect((response.body as ErrorBody).error.code).toBe('image_too_large');
      await expectNothingStoredOrPublished();
    });

    it('truncated JPEG -> 422 undecodable_image', async () => {
      const photo = await readFile(photoPath('dog.jpg'));
      const created = await upload('cut.jpg', 'image/jpeg', truncated(photo));

      const response = await completeUpload(ingest.baseUrl, created.uploadId);

      expect(response.status).toBe(422);
      expect((response.body as ErrorBody).error.code).toBe('undecodable_image');
      await expectNothingStoredOrPublished();
    });

    it('more bytes than the limit -> 413 payload_too_large', async () => {
      // s3rver does not check the signed Content-Length, so the PUT can exceed the declared size as on a lax S3 server.
      const created = await upload('grown.png', 'image/png', randomBytes(MAX_DIRECT_UPLOAD_BYTES + 1), 1000);

      const response = await completeUpload(ingest.baseUrl, created.uploadId);

      expect(response.status).toBe(413);
      expect((response.body as ErrorBody).error.code).toBe('payload_too_large');
      await expectNothingStoredOrPublished();
    });
  });

  describe('upload ids', () => {
    const codec = new UploadTokenCodec(UPLOAD_TOKEN_SECRET);

    it('altered id -> 400 invalid_upload_token, and the file stays', async () => {
      const created = await upload('noise.png', 'image/png', await noiseImage('png'));
      const [payload, signature] = created.uploadId.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
      const altered = Buffer.from(JSON.stringify({ ...claims, key: 'images/2026/01/01/other.png' })).toString('base64url');

      const response = await completeUpload(ingest.baseUrl, `${altered}.${signature}`);

      expect(response.status).toBe(400);
      expect((response.body as ErrorBody).error.code).toBe('invalid_upload_token');
      expect(await listKeys(s3, bucket.bucket)).toEqual([`uploads/pending/${created.imageId}`]);
      expect(await uploadEventsSince(jsm, sequenceBefore, bucket.bucket)).toEqual([]);
    });

    it('expired id -> 400 invalid_upload_token', async () => {
      const imageId = randomUUID();
      const expired = codec.sign({
        imageId,
        jobId: randomUUID(),
        key: `uploads/pending/${imageId}`,
        originalName: 'late.png',
        expiresAt: Math.floor(Date.now() / 1000) - 1,
      });

      const response = await completeUpload(ingest.baseUrl, expired);

      expect(response.status).toBe(400);
      expect((response.body as ErrorBody).error.code).toBe('invalid_upload_token');
      expect((response.body as ErrorBody).error.message).toMatch(/expired at/);
    });

    it('id of another secret -> 400 invalid_upload_token', async () => {
      const imageId = randomUUID();
      const foreign = new UploadTokenCodec().sign({
        imageId,
        jobId: randomUUID(),
        key: `uploads/pending/${imageId}`,
        originalName: 'a.png',
        expiresAt: Math.floor(Date.now() / 1000) + 60,
      });

      const response = await completeUpload(ingest.baseUrl, foreign);

      expect(response.status).toBe(400);
      expect((response.body as ErrorBody).error.code).toBe('invalid_upload_token');
    });
  });
});
