import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createS3Client, createTestBucket, photoPath, testServers, type TestBucket } from '@lookout/testing';
import sharp from 'sharp';
import { emptyBucket, listKeys, readObject } from './bucket-contents.js';
import { heicHeaderOnly, pixelBombGif, pixelBombJpeg, pixelBombPng, pixelBombWebp } from '@lookout/testing';
import { noiseImage, truncated } from './image-fixtures.js';
import { startIngestApp, type RunningIngestApp } from './ingest-test-app.js';
import { getJson, postImages, type FilePart } from './multipart-client.js';
import { lastImagesSequence, uploadEventsSince } from './upload-events.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MAX_UPLOAD_BYTES = 1024 * 1024;
const MAX_FILES_PER_REQUEST = 3;

interface QueuedImageBody {
  images: Array<{ id: string; status: string; statusUrl: string }>;
}

interface ErrorBody {
  error: { code: string; message: string };
}

describe('POST /v1/images', () => {
  let bucket: TestBucket;
  let s3: S3Client;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let ingest: RunningIngestApp;
  let sequenceBefore: number;

  beforeAll(async () => {
    const servers = testServers();
    bucket = await createTestBucket('ingest');
    s3 = createS3Client(servers.s3);
    ingest = await startIngestApp(servers.natsUrl, bucket, {
      MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
      MAX_FILES_PER_REQUEST: String(MAX_FILES_PER_REQUEST),
    });
    nc = await connect({ servers: servers.natsUrl, name: 'ingest-int-spec' });
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

  it('stores and announces one image', async () => {
    const bytes = await noiseImage('png', 64, 48);

    const response = await postImages(ingest.baseUrl, [{ name: 'noise.png', bytes, type: 'text/plain' }]);

    expect(response.status).toBe(202);
    const { images } = response.body as QueuedImageBody;
    expect(images).toHaveLength(1);
    const [image] = images;
    expect(image.id).toMatch(UUID_V4);
    expect(image).toEqual({ id: image.id, status: 'queued', statusUrl: `/v1/images/${image.id}` });

    const keys = await listKeys(s3, bucket.bucket);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(new RegExp(`^images/\\d{4}/\\d{2}/\\d{2}/${image.id}\\.png$`));
    expect(keys[1]).toBe(`thumbnails/${image.id}.webp`);
    const stored = await readObject(s3, bucket.bucket, keys[0]);
    expect(stored.bytes.equals(bytes)).toBe(true);
    expect(stored.contentType).toBe('image/png');

    const events = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(events).toHaveLength(1);
    const [{ event, messageId }] = events;
    expect(messageId).toBe(event.id);
    expect(event.subject).toBe(image.id);
    expect(event.source).toBe('/lookout/ingest');
    expect(event.data).toEqual({
      imageId: image.id,
      object: { bucket: bucket.bucket, key: keys[0] },
      contentType: 'image/png',
      format: 'png',
      bytes: bytes.length,
      width: 64,
      height: 48,
      pages: 1,
      originalName: 'noise.png',
      thumbnail: { bucket: bucket.bucket, key: `thumbnails/${image.id}.webp` },
      uploadedAt: event.time,
    });
  });

  it('uploads a real photo', async () => {
    const bytes = await readFile(photoPath('dog.jpg'));
    const { width, height } = await sharp(bytes).metadata();

    const response = await postImages(ingest.baseUrl, [{ name: 'dog.jpg', bytes, type: 'image/jpeg' }]);

    expect(response.status).toBe(202);
    const [image] = (response.body as QueuedImageBody).images;
    const events = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(events.map(({ event }) => event.data.imageId)).toEqual([image.id]);
    expect(events[0].event.data).toMatchObject({ format: 'jpeg', contentType: 'image/jpeg', width, height, bytes: bytes.length });
    expect(await listKeys(s3, bucket.bucket)).toEqual([events[0].event.data.object.key, `thumbnails/${image.id}.webp`]);
  });

  it('accepts several files in one request', async () => {
    const parts: FilePart[] = [
      { name: 'a.jpg', bytes: await noiseImage('jpeg') },
      { name: 'b.webp', bytes: await noiseImage('webp') },
      { name: 'c.avif', bytes: await noiseImage('avif') },
    ];

    const response = await postImages(ingest.baseUrl, parts);

    expect(response.status).toBe(202);
    const ids = (response.body as QueuedImageBody).images.map((image) => image.id);
    expect(new Set(ids).size).toBe(3);
    const events = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(events.map(({ event }) => event.data.imageId)).toEqual(ids);
    expect(events.map(({ event }) => event.data.format)).toEqual(['jpeg', 'webp', 'avif']);
    const keys = await listKeys(s3, bucket.bucket);
    const originals = events.map(({ event }) => event.data.object.key);
    const thumbnails = events.map(({ event }) => event.data.thumbnail?.key);
    expect(keys).toEqual([...originals, ...thumbnails].sort());
  });

  describe('rejections store and publish nothing', () => {
    const cases: Array<{ name: string; parts: () => Promise<FilePart[]>; status: number; code: string; message?: string }> = [
      {
        name: 'text named x.jpg',
        parts: async () => [{ name: 'x.jpg', bytes: Buffer.from('not an image\n'), type: 'image/jpeg' }],
        status: 415,
        code: 'unsupported_media_type',
        message: "File 'x.jpg' is not a recognised image",
      },
      {
        name: 'HEIC photo',
        parts: async () => [{ name: 'IMG_0001.HEIC', bytes: heicHeaderOnly(4032, 3024) }],
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        name: 'truncated JPEG',
        parts: async () => [{ name: 'cut.jpg', bytes: truncated(await noiseImage('jpeg', 320, 240)) }],
        status: 422,
        code: 'undecodable_image',
      },
      {
        name: 'file over the byte limit',
        parts: async () => [{ name: 'big.png', bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 7) }],
        status: 413,
        code: 'payload_too_large',
        message: "File 'big.png' is larger than the limit of 1 MiB.",
      },
      {
        name: 'PNG pixel bomb',
        parts: async () => [{ name: 'bomb.png', bytes: pixelBombPng(50_000, 50_000) }],
        status: 422,
        code: 'image_too_large',
      },
      {
        name: 'JPEG pixel bomb',
        parts: async () => [{ name: 'bomb.jpg', bytes: await pixelBombJpeg(50_000, 50_000) }],
        status: 422,
        code: 'image_too_large',
        message: "File 'bomb.jpg' is 50000 x 50000 pixels",
      },
      {
        name: 'GIF pixel bomb',
        parts: async () => [{ name: 'bomb.gif', bytes: await pixelBombGif(50_000, 50_000) }],
        status: 422,
        code: 'image_too_large',
        message: "File 'bomb.gif' is 50000 x 50000 pixels",
      },
      {
        name: 'WebP pixel bomb',
        parts: async () => [{ name: 'bomb.webp', bytes: await pixelBombWebp(16_383, 16_383) }],
        status: 422,
        code: 'image_too_large',
        message: "File 'bomb.webp' is 16383 x 16383 pixels",
      },
      {
        name: 'file in another part',
        parts: async () => [{ name: 'a.png', bytes: await noiseImage('png'), field: 'image' }],
        status: 400,
        code: 'unexpected_field',
      },
      {
        name: 'too many files',
        parts: async () =>
          Promise.all(
            Array.from({ length: MAX_FILES_PER_REQUEST + 1 }, async (_, index) => ({
              name: `${index}.png`,
              bytes: await noiseImage('png'),
            })),
          ),
        status: 413,
        code: 'too_many_files',
      },
      {
        name: 'one bad file among good ones',
        parts: async () => [
          { name: 'good-1.png', bytes: await noiseImage('png') },
          { name: 'bad.jpg', bytes: truncated(await noiseImage('jpeg', 320, 240)) },
          { name: 'good-2.png', bytes: await noiseImage('png') },
        ],
        status: 422,
        code: 'undecodable_image',
        message: "File 'bad.jpg'",
      },
    ];

    it.each(cases)('$name -> $status $code', async ({ parts, status, code, message }) => {
      const response = await postImages(ingest.baseUrl, await parts());

      expect(response.status).toBe(status);
      const { error } = response.body as ErrorBody;
      expect(error.code).toBe(code);
      if (message !== undefined) {
        expect(error.message).toContain(message);
      }
      expect(await listKeys(s3, bucket.bucket)).toEqual([]);
      expect(await uploadEventsSince(jsm, sequenceBefore, bucket.bucket)).toEqual([]);
    });

    it('form without a file -> 400 missing_file', async () => {
      const response = await postImages(ingest.baseUrl, [], { minScore: '0.5' });

      expect(response.status).toBe(400);
      expect((response.body as ErrorBody).error.code).toBe('missing_file');
      expect(await uploadEventsSince(jsm, sequenceBefore, bucket.bucket)).toEqual([]);
    });

    it('JSON body -> 415 multipart_required', async () => {
      const response = await getJson(`${ingest.baseUrl}/v1/images`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ file: 'aGVsbG8=' }),
      });

      expect(response.status).toBe(415);
      expect((response.body as ErrorBody).error.code).toBe('multipart_required');
      expect(await uploadEventsSince(jsm, sequenceBefore, bucket.bucket)).toEqual([]);
    });
  });

  it('GET /health -> 200 when NATS and the bucket are reachable', async () => {
    const response = await getJson(`${ingest.baseUrl}/health`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('unknown route -> 404 in the error format', async () => {
    const response = await getJson(`${ingest.baseUrl}/v1/nothing`);

    expect(response.status).toBe(404);
    expect((response.body as ErrorBody).error.code).toBe('not_found');
  });
});
