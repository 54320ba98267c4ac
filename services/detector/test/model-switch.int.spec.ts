import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { createEvent, SUBJECTS, type CloudEvent, type DetectionsCompletedV1 } from '@lookout/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@lookout/messaging';
import { createLogger } from '@lookout/runtime';
import { createS3Client, createTestBucket, freePort, photoPath, s3EnvFor, startNats, testServers, type NatsHandle, type TestBucket } from '@lookout/testing';
import { loadDetectorConfig, type DetectorConfig } from '../src/config/detector-config.js';
import { startDetectorApp } from '../src/detector-app.js';
import { MANIFEST_FILE, MODEL_FILE } from '../src/model/model-manifest.js';
import { DetectionEventRecorder, type DetectionEvent } from './support/detection-event-recorder.js';
import { assertRealModelPresent, REAL_MODEL_DIR } from './support/real-model.js';

const logger = createLogger('detector-test', 'silent');
const JOB_COUNT = 10;
/** Jobs model A completes before its process is closed; the rest are left to model B. */
const COMPLETED_BEFORE_SWITCH = 3;
const PHOTOS = ['dog.jpg', 'person.jpg', 'horses.jpg', 'giraffe.jpg', 'eagle.jpg'];
/**
 * A message the server sent to a pull request as it closed reaches no handler and comes back after
 * the consumer's 30 s ack wait, so the last completions may take that long.
 */
const ALL_COMPLETED_TIMEOUT_MS = 90_000;

describe('model switch by rolling restart', () => {
  let nats: NatsHandle;
  let bucket: TestBucket;
  let s3: S3Client;
  let nc: NatsConnection;
  let recorder: DetectionEventRecorder;
  let modelB: string;
  const apps: INestApplication[] = [];

  async function configFor(overrides: NodeJS.ProcessEnv): Promise<DetectorConfig> {
    return loadDetectorConfig({
      NATS_URL: nats.url,
      ...s3EnvFor(bucket),
      DETECTOR_PORT: String(await freePort()),
      DETECTOR_HOST: '127.0.0.1',
      DETECTOR_INTRA_OP_THREADS: '2',
      LOG_LEVEL: 'silent',
      ...overrides,
    });
  }

  /** Drops exact repeats of one event, as the stream's duplicate window would; different events with one id stay. */
  function uniqueCompleted(events: readonly DetectionEvent[]): CloudEvent<DetectionsCompletedV1>[] {
    const seen = new Map<string, CloudEvent<DetectionsCompletedV1>>();
    const unique: CloudEvent<DetectionsCompletedV1>[] = [];
    for (const { subject, event } of events) {
      if (subject !== SUBJECTS.detectionsCompleted) {
        continue;
      }
      const completed = event as CloudEvent<DetectionsCompletedV1>;
      const key = JSON.stringify(completed);
      if (!seen.has(key)) {
        seen.set(key, completed);
        unique.push(completed);
      }
    }
    return unique;
  }

  beforeAll(async () => {
    assertRealModelPresent();
    nats = await startNats();
    bucket = await createTestBucket('detector-switch');
    s3 = createS3Client(testServers().s3);
    nc = await connectNats({ url: nats.url, name: 'detector-switch-test', logger });
    await ensureStreams(nc);
    recorder = new DetectionEventRecorder(nc);

    // Model B: the same weights under version 2.0.0, as a new model release would ship.
    modelB = await mkdtemp(join(tmpdir(), 'detector-model-b-'));
    await copyFile(join(REAL_MODEL_DIR, MODEL_FILE), join(modelB, MODEL_FILE));
    const manifest = JSON.parse(await readFile(join(REAL_MODEL_DIR, MANIFEST_FILE), 'utf8')) as { version: string };
    await writeFile(join(modelB, MANIFEST_FILE), JSON.stringify({ ...manifest, version: '2.0.0' }));
  });

  afterAll(async () => {
    for (const app of apps) {
      await app.close();
    }
    recorder?.stop();
    await nc?.close();
    s3?.destroy();
    await nats?.stop();
    if (modelB !== undefined) {
      await rm(modelB, { recursive: true, force: true });
    }
  });

  it('completes every job exactly once across the switch', async () => {
    const publisher = new EventPublisher(nc, logger);
    const imageIds: string[] = [];
    for (let index = 0; index < JOB_COUNT; index += 1) {
      const name = PHOTOS[index % PHOTOS.length]!;
      const photo = await readFile(photoPath(name));
      const key = `images/${index}-${name}`;
      await s3.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: key, Body: photo, ContentType: 'image/jpeg' }));
      const imageId = randomUUID();
      imageIds.push(imageId);
      const event = createEvent(SUBJECTS.imageUploaded, {
        source: '/lookout/detector-test',
        subject: imageId,
        data: { imageId, object: { bucket: bucket.bucket, key }, contentType: 'image/jpeg', format: 'jpeg', bytes: photo.byteLength, width: 1, height: 1, uploadedAt: new Date().toISOString() },
      });
      await publisher.publish(SUBJECTS.imageUploaded, event);
    }

    // Model A takes one job at a time, so most jobs are still in the stream when it stops.
    const appA = await startDetectorApp(await configFor({ DETECTOR_ID: 'detector-a', DETECTOR_CONCURRENCY: '1', DETECTOR_BATCH_SIZE: '1' }), logger);
    apps.push(appA);
    await recorder.until((events) => uniqueCompleted(events).length >= COMPLETED_BEFORE_SWITCH || undefined, `${COMPLETED_BEFORE_SWITCH} completed jobs`, 60_000);
    // What SIGTERM does: stop pulling, finish the jobs in flight, then release the model.
    await appA.close();
    apps.splice(apps.indexOf(appA), 1);
    const completedByA = uniqueCompleted(recorder.events).length;

    const appB = await startDetectorApp(await configFor({ DETECTOR_ID: 'detector-b', MODEL_DIR: modelB }), logger);
    apps.push(appB);
    await recorder.until(
      (events) => {
        const done = new Set(uniqueCompleted(events).map((event) => event.data.imageId));
        return imageIds.every((imageId) => done.has(imageId)) || undefined;
      },
      `completed events for all ${JOB_COUNT} images`,
      ALL_COMPLETED_TIMEOUT_MS,
    );
    await nc.flush();

    const completed = uniqueCompleted(recorder.events);
    for (const imageId of imageIds) {
      expect([imageId, completed.filter((event) => event.data.imageId === imageId).length]).toEqual([imageId, 1]);
    }
    expect(recorder.events.filter(({ subject }) => subject === SUBJECTS.detectionsFailed)).toEqual([]);
    const expectedVersion: Record<string, string> = { 'detector-a': '1.0.0', 'detector-b': '2.0.0' };
    for (const event of completed) {
      expect([event.data.detectorId, event.data.model]).toEqual([event.data.detectorId, { id: 'nanodet-g-416', version: expectedVersion[event.data.detectorId] }]);
    }
    const byA = completed.filter((event) => event.data.detectorId === 'detector-a').length;
    expect(byA).toBeGreaterThanOrEqual(completedByA);
    expect(JOB_COUNT - byA).toBeGreaterThan(0);
    // Images that ran together all report the same batch size, so each size appears a multiple of itself.
    const bySize = new Map<number, number>();
    for (const event of completed) {
      bySize.set(event.data.batchSize!, (bySize.get(event.data.batchSize!) ?? 0) + 1);
    }
    for (const [size, count] of bySize) {
      expect([size, count % size]).toEqual([size, 0]);
    }
  });

  // Model B's process from the switch above is still running and takes this job.
  it('applies the upload options and reports them', async () => {
    const photo = await readFile(photoPath('dog.jpg'));
    await s3.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: 'images/options-dog.jpg', Body: photo, ContentType: 'image/jpeg' }));
    const imageId = randomUUID();
    const event = createEvent(SUBJECTS.imageUploaded, {
      source: '/lookout/detector-test',
      subject: imageId,
      data: {
        imageId,
        object: { bucket: bucket.bucket, key: 'images/options-dog.jpg' },
        contentType: 'image/jpeg',
        format: 'jpeg',
        bytes: photo.byteLength,
        width: 768,
        height: 576,
        options: { classes: ['dog', 'unicorn'], minScore: 0.4 },
        uploadedAt: new Date().toISOString(),
      },
    });
    await new EventPublisher(nc, logger).publish(SUBJECTS.imageUploaded, event);

    const completed = await recorder.next(SUBJECTS.detectionsCompleted, imageId);

    expect(completed.data.appliedOptions).toEqual({ minScore: 0.4, iouThreshold: 0.6, classes: ['dog', 'unicorn'], maxDetections: 100, classAgnostic: false });
    expect(completed.data.detections.map((detection) => detection.label)).toEqual(['dog']);
    expect(completed.data.batchSize).toBe(1);
  });
});
