import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { S3Client } from '@aws-sdk/client-s3';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createS3Client, createTestBucket, testServers, type TestBucket } from '@lookout/testing';
import { emptyBucket, listKeys } from './bucket-contents.js';
import { animatedImage, orientedJpeg } from './format-fixtures.js';
import { noiseImage } from './image-fixtures.js';
import { startIngestApp, type RunningIngestApp } from './ingest-test-app.js';
import { postImages, type FormFields } from './multipart-client.js';
import { lastImagesSequence, uploadEventsSince } from './upload-events.js';

interface ErrorBody {
  error: { code: string; message: string };
}

const ALL_OPTIONS: FormFields = {
  minScore: '0.5',
  iouThreshold: '0.45',
  classes: 'person,dog',
  maxDetections: '25',
  classAgnostic: 'true',
};
const PARSED_OPTIONS = { minScore: 0.5, iouThreshold: 0.45, classes: ['person', 'dog'], maxDetections: 25, classAgnostic: true };

describe('POST /v1/images with options and image layouts', () => {
  let bucket: TestBucket;
  let s3: S3Client;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let ingest: RunningIngestApp;
  let sequenceBefore: number;

  beforeAll(async () => {
    const servers = testServers();
    bucket = await createTestBucket('ingest-options');
    s3 = createS3Client(servers.s3);
    ingest = await startIngestApp(servers.natsUrl, bucket);
    nc = await connect({ servers: servers.natsUrl, name: 'ingest-options-spec' });
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

  it.each([
    ['before', false],
    ['after', true],
  ])('carries options sent %s the files in every event', async (_order, fieldsAfterFiles) => {
    const parts = [
      { name: 'a.png', bytes: await noiseImage('png') },
      { name: 'b.jpg', bytes: await noiseImage('jpeg') },
    ];

    const response = await postImages(ingest.baseUrl, parts, ALL_OPTIONS, { fieldsAfterFiles });

    expect(response.status).toBe(202);
    const events = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(events).toHaveLength(2);
    expect(events[0]!.event.data.options).toEqual(PARSED_OPTIONS);
    expect(events[1]!.event.data.options).toEqual(PARSED_OPTIONS);
  });

  it('sends only the options given, with classes from repeated fields', async () => {
    const fields = { classes: ['person', 'traffic light'], minScore: '0.2' };

    const response = await postImages(ingest.baseUrl, [{ name: 'a.png', bytes: await noiseImage('png') }], fields);

    expect(response.status).toBe(202);
    const [{ event }] = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(event.data.options).toEqual({ classes: ['person', 'traffic light'], minScore: 0.2 });
  });

  it('leaves options out of the event when none is sent', async () => {
    const response = await postImages(ingest.baseUrl, [{ name: 'a.png', bytes: await noiseImage('png') }]);

    expect(response.status).toBe(202);
    const [{ event }] = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(Object.hasOwn(event.data, 'options')).toBe(false);
  });

  describe('invalid options store and publish nothing', () => {
    const cases: Array<{ name: string; fields: FormFields; fieldsAfterFiles: boolean; message: string }> = [
      {
        name: 'minScore over 1, before the files',
        fields: { minScore: '1.5' },
        fieldsAfterFiles: false,
        message: "Option 'minScore' must be a number from 0 to 1; got '1.5'.",
      },
      {
        name: 'maxDetections of 0, after the files',
        fields: { maxDetections: '0' },
        fieldsAfterFiles: true,
        message: "Option 'maxDetections' must be a whole number from 1 to 1000; got '0'.",
      },
      {
        name: 'classAgnostic of yes, after the files',
        fields: { minScore: '0.3', classAgnostic: 'yes' },
        fieldsAfterFiles: true,
        message: "Option 'classAgnostic' must be true or false; got 'yes'.",
      },
      {
        name: 'unknown field',
        fields: { score: '0.5' },
        fieldsAfterFiles: false,
        message: "Field 'score' is not an option",
      },
    ];

    it.each(cases)('$name -> 400 invalid_option', async ({ fields, fieldsAfterFiles, message }) => {
      const parts = [
        { name: 'a.png', bytes: await noiseImage('png') },
        { name: 'b.png', bytes: await noiseImage('png') },
      ];

      const response = await postImages(ingest.baseUrl, parts, fields, { fieldsAfterFiles });

      expect(response.status).toBe(400);
      const { error } = response.body as ErrorBody;
      expect(error.code).toBe('invalid_option');
      expect(error.message).toContain(message);
      expect(await listKeys(s3, bucket.bucket)).toEqual([]);
      expect(await uploadEventsSince(jsm, sequenceBefore, bucket.bucket)).toEqual([]);
    });
  });

  it.each<'gif' | 'webp'>(['gif', 'webp'])('records the frame count of an animated %s', async (format) => {
    const bytes = await animatedImage(format, [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [255, 255, 0],
    ]);

    const response = await postImages(ingest.baseUrl, [{ name: `animated.${format}`, bytes }]);

    expect(response.status).toBe(202);
    const [{ event }] = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(event.data).toMatchObject({ format, width: 16, height: 12, pages: 4 });
  });

  it('reports the upright size of a JPEG with EXIF orientation 8', async () => {
    const response = await postImages(ingest.baseUrl, [{ name: 'turned.jpg', bytes: await orientedJpeg(8) }]);

    expect(response.status).toBe(202);
    const [{ event }] = await uploadEventsSince(jsm, sequenceBefore, bucket.bucket);
    expect(event.data).toMatchObject({ format: 'jpeg', width: 64, height: 48, pages: 1 });
  });
});
