import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import {
  createEvent,
  decodeEvent,
  detectionFoundSubject,
  encodeEvent,
  SUBJECTS,
  STREAMS,
  type CloudEvent,
  type DetectionFoundV1,
  type DetectionsStartedV1,
  type ImageUploadedV1,
} from '@lookout/contracts';
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
import { derivedEventId } from './derived-event-id.js';
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

  /** Reads every detections.found.v1 event about an image from the DETECTIONS stream, oldest first. */
  async function storedFoundEvents(imageId: string): Promise<Array<{ subject: string; event: CloudEvent<DetectionFoundV1> }>> {
    const consumer = await jetstream(nc).consumers.get(STREAMS.detections.name, { filter_subjects: `${SUBJECTS.detectionFound}.*` });
    const { num_pending: pending } = await consumer.info(true);
    const found: Array<{ subject: string; event: CloudEvent<DetectionFoundV1> }> = [];
    if (pending === 0) {
      return found;
    }
    for await (const msg of await consumer.fetch({ max_messages: pending, expires: 5_000 })) {
      const event = decodeEvent(SUBJECTS.detectionFound, msg.data);
      if (event.data.imageId === imageId) {
        found.push({ subject: msg.subject, event });
      }
      if (msg.info.pending === 0) {
        break;
      }
    }
    return found;
  }

  /** Reads the detections.started.v1 events about an image from the DETECTIONS stream, oldest first. */
  async function storedStartedEvents(imageId: string): Promise<Array<CloudEvent<DetectionsStartedV1>>> {
    const consumer = await jetstream(nc).consumers.get(STREAMS.detections.name, { filter_subjects: SUBJECTS.detectionsStarted });
    const { num_pending: pending } = await consumer.info(true);
    const started: Array<CloudEvent<DetectionsStartedV1>> = [];
    if (pending === 0) {
      return started;
    }
    for await (const msg of await consumer.fetch({ max_messages: pending, expires: 5_000 })) {
      const event = decodeEvent(SUBJECTS.detectionsStarted, msg.data);
      if (event.data.imageId === imageId) {
        started.push(event);
      }
      if (msg.info.pending === 0) {
        break;
      }
    }
    return started;
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

  it('announces the start before the result', async () => {
    const photo = await readFile(photoPath('dog.jpg'));
    await putObject('images/dog-started.jpg', photo, 'image/jpeg');

    const uploaded = await publishUpload('images/dog-started.jpg', photo.byteLength);
    const completed = await recorder.next(SUBJECTS.detectionsCompleted, uploaded.data.imageId);
    await consumerSettled();
    const started = await storedStartedEvents(uploaded.data.imageId);

    expect(started).toHaveLength(1);
    expect(started[0]!.id).toBe(derivedEventId(`${uploaded.id}\nattempt 1`, SUBJECTS.detectionsStarted));
    expect(started[0]!.data).toEqual({
      imageId: uploaded.data.imageId,
      jobId: uploaded.id,
      detectorId: 'detector-int',
      model: completed.data.model,
      executionProvider: 'cpu',
      attempt: 1,
      startedAt: expect.any(String),
    });
    expect(Date.parse(started[0]!.data.startedAt)).toBeLessThanOrEqual(Date.parse(completed.data.completedAt));
  });

  it('publishes one found event per label', async () => {
    const photo = await readFile(photoPath('dog.jpg'));
    await putObject('images/dog-labels.jpg', photo, 'image/jpeg');

    const uploaded = await publishUpload('images/dog-labels.jpg', photo.byteLength);
    const completed = await recorder.next(SUBJECTS.detectionsCompleted, uploaded.data.imageId);
    // The job is acked only after every found event is stored, so a settled consumer means they are all in the stream.
    await consumerSettled();
    const found = await storedFoundEvents(uploaded.data.imageId);

    const labels = [...new Set(completed.data.detections.map((detection) => detection.label))];
    expect(found.map(({ event }) => event.data.label).sort()).toEqual([...labels].sort());
    expect(labels).toEqual(expect.arrayContaining(['dog', 'bicycle']));
    for (const { subject, event } of found) {
      const ofLabel = completed.data.detections.filter((detection) => detection.label === event.data.label);
      expect(subject).toBe(detectionFoundSubject(event.data.label));
      expect(event.id).toBe(derivedEventId(uploaded.id, subject));
      expect(event.subject).toBe(uploaded.data.imageId);
      expect(event.time).toBe(completed.time);
      expect(event.data).toMatchObject({
        jobId: uploaded.id,
        count: ofLabel.length,
        maxScore: Math.max(...ofLabel.map((detection) => detection.score)),
        classId: ofLabel[0]!.classId,
        width: completed.data.width,
        height: completed.data.height,
        model: completed.data.model,
        executionProvider: completed.data.executionProvider,
        completedAt: completed.data.completedAt,
      });
      expect([...event.data.detections].sort((a, b) => a.score - b.score)).toEqual([...ofLabel].sort((a, b) => a.score - b.score));
    }
  });

  it('stores no second copy of a repeated job', async () => {
    const photo = await readFile(photoPath('dog.jpg'));
    await putObject('images/dog-repeat.jpg', photo, 'image/jpeg');
    const uploaded = await publishUpload('images/dog-repeat.jpg', photo.byteLength);
    await recorder.next(SUBJECTS.detectionsCompleted, uploaded.data.imageId);
    await consumerSettled();
    const firstRun = await storedFoundEvents(uploaded.data.imageId);

    // A new Nats-Msg-Id gets the same upload event past the IMAGES stream's duplicate check, as a redelivered job would arrive.
    await jetstream(nc).publish(SUBJECTS.imageUploaded, encodeEvent(uploaded), { msgID: randomUUID() });
    await recorder.until((events) => events.filter(({ event }) => event.data.imageId === uploaded.data.imageId).length >= 2, 'the repeated job to publish again');
    await consumerSettled();
    const afterRepeat = await storedFoundEvents(uploaded.data.imageId);

    expect(firstRun.length).toBeGreaterThan(0);
    expect(afterRepeat.map(({ event }) => event.id)).toEqual(firstRun.map(({ event }) => event.id));
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
