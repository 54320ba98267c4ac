import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { createEvent, STREAMS, SUBJECTS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@lookout/messaging';
import { createLogger } from '@lookout/runtime';
import {
  createS3Client,
  createTestBucket,
  freePort,
  photoPath,
  s3EnvFor,
  startNats,
  testServers,
  waitFor,
  type NatsHandle,
  type TestBucket,
} from '@lookout/testing';
import { loadDetectorConfig, type DetectorConfig } from '../config/detector-config.js';
import { DETECTOR_DURABLE, startDetectorApp } from '../detector-app.js';
import { DetectionEventRecorder } from '../../test/support/detection-event-recorder.js';
import { assertRealModelPresent } from '../../test/support/real-model.js';

const logger = createLogger('detector-test', 'silent');

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the sample lines of the Prometheus text format and fails on any line it cannot read. */
function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) {
      continue;
    }
    const match = SAMPLE_LINE.exec(line);
    if (match === null) {
      throw new Error(`Invalid Prometheus sample line: ${line}`);
    }
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(LABEL_PAIR)].map(([, key, value]) => [key!, value!]));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  return found?.value;
}

describe('GET /metrics', () => {
  let nats: NatsHandle;
  let bucket: TestBucket;
  let s3: S3Client;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let recorder: DetectionEventRecorder;
  let config: DetectorConfig;
  let app: INestApplication;

  beforeAll(async () => {
    assertRealModelPresent();
    nats = await startNats();
    bucket = await createTestBucket('detector-metrics');
    s3 = createS3Client(testServers().s3);
    nc = await connectNats({ url: nats.url, name: 'detector-metrics-test', logger });
    await ensureStreams(nc);
    jsm = await jetstreamManager(nc);
    recorder = new DetectionEventRecorder(nc);
    config = loadDetectorConfig({
      NATS_URL: nats.url,
      ...s3EnvFor(bucket),
      DETECTOR_PORT: String(await freePort()),
      DETECTOR_HOST: '127.0.0.1',
      DETECTOR_ID: 'detector-metrics',
      DETECTOR_DEVICE: 'cpu',
      DETECTOR_INTRA_OP_THREADS: '2',
      LOG_LEVEL: 'silent',
    });
    app = await startDetectorApp(config, logger);
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    recorder?.stop();
    await nc?.close();
    s3?.destroy();
    await nats?.stop();
  });

  async function upload(key: string, body: Uint8Array): Promise<CloudEvent<ImageUploadedV1>> {
    await s3.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: key, Body: body, ContentType: 'image/jpeg' }));
    const imageId = randomUUID();
    const event = createEvent(SUBJECTS.imageUploaded, {
      source: '/lookout/detector-test',
      subject: imageId,
      data: {
        imageId,
        object: { bucket: bucket.bucket, key },
        contentType: 'image/jpeg',
        format: 'jpeg',
        bytes: body.byteLength,
        width: 768,
        height: 576,
        uploadedAt: new Date().toISOString(),
      },
    });
    await new EventPublisher(nc, logger).publish(SUBJECTS.imageUploaded, event);
    return event;
  }

  /** Resolves once the consumer has acked or terminated every job, which happens after the metrics of each job are recorded. */
  function consumerSettled() {
    return waitFor(
      async () => {
        const info = await jsm.consumers.info(STREAMS.images.name, DETECTOR_DURABLE);
        return info.num_pending === 0 && info.num_ack_pending === 0 ? info : undefined;
      },
      { describe: 'the detector consumer to settle its jobs', timeoutMs: 20_000 },
    );
  }

  it('counts a completed and a failed job', async () => {
    const photo = await upload('images/dog.jpg', await readFile(photoPath('dog.jpg')));
    await recorder.next(SUBJECTS.detectionsCompleted, photo.data.imageId);
    const text = await upload('images/notes.jpg', new TextEncoder().encode('not a JPEG'));
    await recorder.next(SUBJECTS.detectionsFailed, text.data.imageId);
    await consumerSettled();

    const response = await fetch(`http://127.0.0.1:${config.port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parseSamples(await response.text());

    const info = samples.filter((sample) => sample.name === 'lookout_detector_info');
    expect(info).toEqual([
      {
        name: 'lookout_detector_info',
        labels: { detector_id: 'detector-metrics', model_id: 'nanodet-g-416', model_version: expect.any(String), execution_provider: 'cpu' },
        value: 1,
      },
    ]);
    expect(sampleValue(samples, 'lookout_detector_jobs_total', { outcome: 'completed' })).toBe(1);
    expect(sampleValue(samples, 'lookout_detector_jobs_total', { outcome: 'failed', reason: 'decode_failed' })).toBe(1);
    expect(sampleValue(samples, 'lookout_detector_jobs_total', { outcome: 'retried' })).toBeUndefined();
    expect(sampleValue(samples, 'lookout_detector_jobs_in_flight')).toBe(0);
    expect(sampleValue(samples, 'lookout_detector_job_seconds_count')).toBe(2);
    expect(sampleValue(samples, 'lookout_detector_job_seconds_sum')).toBeGreaterThan(0);
    // Only the photo got through decoding, so only it has stage timings.
    expect(sampleValue(samples, 'lookout_detector_decode_seconds_count')).toBe(1);
    expect(sampleValue(samples, 'lookout_detector_inference_seconds_count')).toBe(1);
    expect(sampleValue(samples, 'lookout_detector_inference_seconds_sum')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'lookout_detector_inference_seconds_bucket', { le: '+Inf' })).toBe(1);
    expect(sampleValue(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  }, 30_000);
});
