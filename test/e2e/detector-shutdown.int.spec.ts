import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { createEvent, decodeEvent, STREAMS, SUBJECTS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@lookout/messaging';
import { createLogger } from '@lookout/runtime';
import { createS3Client, createTestBucket, freePort, photoPath, s3EnvFor, startNats, testServers, type NatsHandle, type TestBucket } from '@lookout/testing';
import { assertDetectorBuilt, DetectorProcess } from './detector-process.js';

const logger = createLogger('detector-shutdown-test', 'silent');
const JOBS = 4;
// The durable name the detector binds to, fixed per deployment.
const DETECTOR_DURABLE = 'detector';

describe('detector on SIGTERM', () => {
  let nats: NatsHandle;
  let bucket: TestBucket;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let detector: DetectorProcess | undefined;

  beforeAll(async () => {
    assertDetectorBuilt();
    nats = await startNats();
    bucket = await createTestBucket('detector-shutdown');
    nc = await connectNats({ url: nats.url, name: 'detector-shutdown-test', logger });
    await ensureStreams(nc);
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await detector?.stop();
    await nc?.close();
    await nats?.stop();
  });

  async function publishJobs(): Promise<Array<{ event: CloudEvent<ImageUploadedV1>; seq: number }>> {
    const photo = await readFile(photoPath('horses.jpg'));
    const s3 = createS3Client(testServers().s3);
    const publisher = new EventPublisher(nc, logger);
    const published: Array<{ event: CloudEvent<ImageUploadedV1>; seq: number }> = [];
    try {
      for (let index = 0; index < JOBS; index += 1) {
        const imageId = randomUUID();
        const key = `images/${imageId}.jpg`;
        await s3.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: key, Body: photo, ContentType: 'image/jpeg' }));
        const event = createEvent(SUBJECTS.imageUploaded, {
          source: '/lookout/detector-shutdown-test',
          subject: imageId,
          data: {
            imageId,
            object: { bucket: bucket.bucket, key },
            contentType: 'image/jpeg',
            format: 'jpeg',
            bytes: photo.byteLength,
            width: 1,
            height: 1,
            uploadedAt: new Date().toISOString(),
          },
        });
        const { seq } = await publisher.publish(SUBJECTS.imageUploaded, event);
        published.push({ event, seq });
      }
    } finally {
      s3.destroy();
    }
    return published;
  }

  async function completedJobIds(): Promise<string[]> {
    const { state } = await jsm.streams.info(STREAMS.detections.name);
    const jobIds: string[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq += 1) {
      const stored = await jsm.streams.getMessage(STREAMS.detections.name, { seq });
      if (stored?.subject === SUBJECTS.detectionsCompleted) {
        jobIds.push(decodeEvent(SUBJECTS.detectionsCompleted, stored.data).data.jobId);
      }
    }
    return jobIds;
  }

  it(
    'finishes the job in flight, takes no other and exits 0',
    async () => {
      const jobs = await publishJobs();
      detector = DetectorProcess.start({
        NATS_URL: nats.url,
        ...s3EnvFor(bucket),
        DETECTOR_PORT: String(await freePort()),
        DETECTOR_HOST: '127.0.0.1',
        DETECTOR_ID: 'detector-shutdown',
        DETECTOR_DEVICE: 'cpu',
        // One job at a time, so exactly one is in flight when the signal arrives and the rest stay in the stream.
        DETECTOR_CONCURRENCY: '1',
        DETECTOR_BATCH_SIZE: '1',
        DETECTOR_INTRA_OP_THREADS: '1',
        LOG_LEVEL: 'info',
      });

      const started = await detector.waitForLine('detection job started');
      detector.signal('SIGTERM');
      const exit = await detector.exited;

      expect(exit).toEqual({ code: 0, signal: null });
      const stopping = detector.lines.findIndex((line) => line.msg === 'stopping');
      expect(stopping).toBeGreaterThan(detector.lines.indexOf(started));
      const startedAfterSignal = detector.lines.slice(stopping).filter((line) => line.msg === 'detection job started');
      expect(startedAfterSignal).toEqual([]);
      expect(detector.lines.filter((line) => line.msg === 'detection job started')).toHaveLength(1);
      const draining = detector.lines.find((line) => line.msg === 'JetStream server stopping and waiting for running handlers');
      expect(draining?.inFlight).toBe(1);
      expect(detector.lines.some((line) => line.msg === 'detection job completed' && line.jobId === started.jobId)).toBe(true);

      expect(started.jobId).toBe(jobs[0]!.event.id);
      expect(await completedJobIds()).toEqual([jobs[0]!.event.id]);
      const consumer = await jsm.consumers.info(STREAMS.images.name, DETECTOR_DURABLE);
      expect(consumer.num_ack_pending).toBe(0);
      expect(consumer.num_pending).toBe(JOBS - 1);
      expect(consumer.ack_floor.stream_seq).toBe(jobs[0]!.seq);
    },
    60_000,
  );
});
