import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { createEvent, SUBJECTS, STREAMS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@lookout/messaging';
import { createLogger } from '@lookout/runtime';
import {
  createS3Client,
  createTestBucket,
  freePort,
  photoPath,
  startNats,
  testServers,
  waitFor,
  s3EnvFor,
  type NatsHandle,
  type TestBucket,
} from '@lookout/testing';
import { loadDetectorConfig, type DetectorConfig } from '../config/detector-config.js';
import { DETECTOR_DURABLE, listenDetectorApp, startConsuming, startDetectorApp } from '../detector-app.js';
import { DetectionEventRecorder } from '../../test/support/detection-event-recorder.js';
import { assertRealModelPresent } from '../../test/support/real-model.js';

const logger = createLogger('detector-test', 'silent');

describe('detection job flow', () => {
  // A NATS server of its own: the shared one also carries other suites' images.uploaded.v1
  // events, which this suite's "detector" consumer would take and fail with object_missing.
  let nats: NatsHandle;
  let bucket: TestBucket;
  let s3: S3Client;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let publisher: EventPublisher;
  let recorder: DetectionEventRecorder;
  let config: DetectorConfig;
  let app: INestApplication;

  async function configFor(overrides: NodeJS.ProcessEnv = {}): Promise<DetectorConfig> {
    return loadDetectorConfig({
      NATS_URL: nats.url,
      ...s3EnvFor(bucket),
      DETECTOR_PORT: String(await freePort()),
      DETECTOR_HOST: '127.0.0.1',
      DETECTOR_ID: 'detector-int',
      DETECTOR_INTRA_OP_THREADS: '2',
      LOG_LEVEL: 'silent',
      ...overrides,
    });
  }

  async function putObject(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await s3.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async function publishUpload(key: string, bytes: number, objectBucket = bucket.bucket): Promise<CloudEvent<ImageUploadedV1>> {
    const imageId = randomUUID();
    const event = createEvent(SUBJECTS.imageUploaded, {
      source: '/lookout/detector-test',
      subject: imageId,
      data: {
        imageId,
        object: { bucket: objectBucket, key },
        contentType: 'image/jpeg',
        format: 'jpeg',
        bytes,
        width: 768,
        height: 576,
        uploadedAt: new Date().toISOString(),
      },
    });
    await publisher.publish(SUBJECTS.imageUploaded, event);
    return event;
  }

  /** Resolves once the detector consumer has settled every message it was given (ack or term). */
  async function consumerSettled() {
    return waitFor(
      async () => {
        const info = await jsm.consumers.info(STREAMS.images.name, DETECTOR_DURABLE);
        return info.num_pending === 0 && info.num_ack_pending === 0 ? info : undefined;
      },
      { describe: 'the detector consumer to settle its messages', timeoutMs: 20_000 },
    );
  }

  beforeAll(async () => {
    assertRealModelPresent();
    nats = await startNats();
    bucket = await createTestBucket('detector');
    s3 = createS3Client(testServers().s3);
    nc = await connectNats({ url: nats.url, name: 'detector-test', logger });
    await ensureStreams(nc);
    jsm = await jetstreamManager(nc);
    publisher = new EventPublisher(nc, logger);
    recorder = new DetectionEventRecorder(nc);

    config = await configFor();
    app = await startDetectorApp(config, logger);
  });

  afterAll(async () => {
    await app?.close();
    recorder?.stop();
    await nc?.close();
    s3?.destroy();
    await nats?.stop();
  });

  it('publishes detections for an uploaded photo', async () => {
    const photo = await readFile(photoPath('dog.jpg'));
    await putObject('images/dog.jpg', photo, 'image/jpeg');

    const uploaded = await publishUpload('images/dog.jpg', photo.byteLength);
    const completed = await recorder.next(SUBJECTS.detectionsCompleted, uploaded.data.imageId);

    const labels = completed.data.detections.map((detection) => detection.label);
    expect(labels).toContain('dog');
    expect(labels).toContain('bicycle');
    expect(labels.some((label) => label === 'truck' || label === 'car')).toBe(true);
    expect(completed.subject).toBe(uploaded.data.imageId);
    expect(completed.data.jobId).toBe(uploaded.id);
    expect(completed.data.width).toBe(768);
    expect(completed.data.height).toBe(576);
    expect(completed.data.model).toEqual({ id: 'nanodet-g-416', version: expect.any(String) });
    expect(completed.data.executionProvider).toBe('cpu');
    expect(completed.data.detectorId).toBe('detector-int');
    expect(completed.data.timings.totalMs).toBeGreaterThan(0);
    await consumerSettled();
  });

  it('fails a non-image object once without retrying', async () => {
    const notAnImage = new TextEncoder().encode('this is a text file, not a JPEG');
    await putObject('images/notes.jpg', notAnImage, 'image/jpeg');

    const uploaded = await publishUpload('images/notes.jpg', notAnImage.byteLength);
    const failed = await recorder.next(SUBJECTS.detectionsFailed, uploaded.data.imageId);
    const consumer = await consumerSettled();
    // Messages the server sent before the flush's reply arrive before flush() resolves.
    await nc.flush();

    expect(failed.data.reason).toBe('decode_failed');
    expect(failed.data.jobId).toBe(uploaded.id);
    expect(failed.data.detectorId).toBe('detector-int');
    expect(failed.data.executionProvider).toBe('cpu');
    expect(consumer.num_redelivered).toBe(0);
    expect(recorder.forImage(uploaded.data.imageId)).toHaveLength(1);
  });

  it('fails a missing object with object_missing', async () => {
    const uploaded = await publishUpload('images/absent.jpg', 1234);

    const failed = await recorder.next(SUBJECTS.detectionsFailed, uploaded.data.imageId);
    const consumer = await consumerSettled();
    await nc.flush();

    expect(failed.data.reason).toBe('object_missing');
    expect(failed.data.model).toEqual({ id: 'nanodet-g-416', version: expect.any(String) });
    expect(consumer.num_redelivered).toBe(0);
    expect(recorder.forImage(uploaded.data.imageId)).toHaveLength(1);
  });

  it('fails an object in another bucket', async () => {
    const uploaded = await publishUpload('images/dog.jpg', 1234, 'some-other-bucket');

    const failed = await recorder.next(SUBJECTS.detectionsFailed, uploaded.data.imageId);

    expect(failed.data.reason).toBe('object_missing');
    expect(failed.data.message).toMatch(/bucket some-other-bucket, but this detector reads bucket/);
  });

  it('reports the model on /health', async () => {
    const response = await fetch(`http://127.0.0.1:${config.port}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      model: { id: 'nanodet-g-416', version: expect.any(String) },
      executionProvider: 'cpu',
      detectorId: 'detector-int',
    });
  });

  it('returns 503 on /health when the model fails to load', async () => {
    const emptyModelDir = await mkdtemp(join(tmpdir(), 'detector-no-model-'));
    const broken = await configFor({ MODEL_DIR: emptyModelDir, DETECTOR_ID: 'detector-no-model' });
    const brokenApp = await listenDetectorApp(broken, logger);
    try {
      await expect(startConsuming(brokenApp, broken, logger)).rejects.toThrow(/manifest\.json not found/);

      const response = await fetch(`http://127.0.0.1:${broken.port}/health`);

      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; error: { code: string } };
      expect(body.status).toBe('unavailable');
      expect(body.error.code).toBe('invalid_model_manifest');
    } finally {
      await brokenApp.close();
      await rm(emptyModelDir, { recursive: true, force: true });
    }
  });
});
