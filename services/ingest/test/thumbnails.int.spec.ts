import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client, createTestBucket, photoPath, testServers, type TestBucket } from '@lookout/testing';
import sharp from 'sharp';
import { emptyBucket, readObject } from './bucket-contents.js';
import { animatedImage } from './format-fixtures.js';
import { noiseImage, rotatedJpeg } from './image-fixtures.js';
import { startIngestApp, type RunningIngestApp } from './ingest-test-app.js';
import { postImages } from './multipart-client.js';

interface QueuedImageBody {
  images: Array<{ id: string }>;
}

describe('thumbnails of POST /v1/images', () => {
  let bucket: TestBucket;
  let s3: S3Client;
  let ingest: RunningIngestApp;

  beforeAll(async () => {
    const servers = testServers();
    bucket = await createTestBucket('ingest-thumbnails');
    s3 = createS3Client(servers.s3);
    ingest = await startIngestApp(servers.natsUrl, bucket);
  });

  afterAll(async () => {
    await ingest?.close();
    s3?.destroy();
  });

  beforeEach(async () => {
    await emptyBucket(s3, bucket.bucket);
  });

  /** Uploads one file and returns the stored thumbnail with its sharp metadata. */
  async function thumbnailOf(name: string, bytes: Buffer) {
    const response = await postImages(ingest.baseUrl, [{ name, bytes }]);
    expect(response.status).toBe(202);
    const [image] = (response.body as QueuedImageBody).images;
    const stored = await readObject(s3, bucket.bucket, `thumbnails/${image.id}.webp`);
    return { ...stored, metadata: await sharp(stored.bytes).metadata() };
  }

  it('shrinks a photo to 320 px on the longest side', async () => {
    const photo = await readFile(photoPath('dog.jpg'));
    const { width, height } = await sharp(photo).metadata();

    const thumbnail = await thumbnailOf('dog.jpg', photo);

    expect(thumbnail.contentType).toBe('image/webp');
    expect(thumbnail.metadata.format).toBe('webp');
    expect(Math.max(thumbnail.metadata.width, thumbnail.metadata.height)).toBe(320);
    expect(thumbnail.metadata.width / thumbnail.metadata.height).toBeCloseTo(width / height, 1);
  });

  it('keeps a small image at its size', async () => {
    const thumbnail = await thumbnailOf('small.png', await noiseImage('png', 64, 48));

    expect([thumbnail.metadata.width, thumbnail.metadata.height]).toEqual([64, 48]);
  });

  it('turns an EXIF-rotated photo upright', async () => {
    // Stored 640 x 320 with orientation 6, so it shows 320 wide and 640 tall.
    const thumbnail = await thumbnailOf('rotated.jpg', await rotatedJpeg(640, 320));

    expect([thumbnail.metadata.width, thumbnail.metadata.height]).toEqual([160, 320]);
    expect(thumbnail.metadata.orientation).toBeUndefined();
  });

  it('keeps transparency', async () => {
    const transparent = await sharp({ create: { width: 400, height: 400, channels: 4, background: { r: 10, g: 200, b: 10, alpha: 0.25 } } })
      .png()
      .toBuffer();

    const thumbnail = await thumbnailOf('transparent.png', transparent);

    expect(thumbnail.metadata.hasAlpha).toBe(true);
    const { data } = await sharp(thumbnail.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBeGreaterThan(50);
    expect(data[3]).toBeLessThan(80);
  });

  it('shows the first frame of an animation', async () => {
    const animation = await animatedImage('gif', [
      [250, 0, 0],
      [0, 0, 250],
    ]);

    const thumbnail = await thumbnailOf('animated.gif', animation);

    expect(thumbnail.metadata.pages ?? 1).toBe(1);
    const { data } = await sharp(thumbnail.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(50);
  });
});
