import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { createEvent, STREAMS, SUBJECTS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import { connectNats, DEAD_LETTER_HEADERS, DEAD_LETTER_STREAM, deadLetterMessageId, ensureStreams, EventPublisher } from '@lookout/messaging';
import { createLogger } from '@lookout/runtime';
import { freePort, startNats, waitFor, type NatsHandle } from '@lookout/testing';
import { loadDetectorConfig } from '../config/detector-config.js';
import { DETECTOR_DURABLE, startDetectorApp } from '../detector-app.js';
import { DetectionEventRecorder } from '../../test/support/detection-event-recorder.js';
import { assertRealModelPresent } from '../../test/support/real-model.js';

const BUCKET = 'lookout-unreachable';
const MAX_DELIVER = 3;
const RETRY_BASE_MS = 100;

type LogLine = Record<string, unknown> & { msg: string };

/** Creates a JSON logger that keeps its lines in memory, so the test can read the retry log. */
function memoryLogger(lines: LogLine[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text.trim() !== '') {
          lines.push(JSON.parse(text) as LogLine);
        }
      }
      done();
    },
  });
  return pino({ level: 'debug' }, sink);
}

describe('detection job with an unreachable object store', () => {
  const logs: LogLine[] = [];
  let nats: NatsHandle;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let recorder: DetectionEventRecorder;
  let app: INestApplication;

  beforeAll(async () => {
    assertRealModelPresent();
    nats = await startNats();
    nc = await connectNats({ url: nats.url, name: 'detector-exhausted-test', logger: createLogger('detector-test', 'silent') });
    await ensureStreams(nc);
    jsm = await jetstreamManager(nc);
    recorder = new DetectionEventRecorder(nc);

    // Nothing listens on a port freePort() has just released, so every S3 request is refused.
    const closedPort = await freePort();
    const config = loadDetectorConfig({
      NATS_URL: nats.url,
      S3_BUCKET: BUCKET,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: `http://127.0.0.1:${closedPort}`,
      S3_ACCESS_KEY_ID: 'test',
      S3_SECRET_ACCESS_KEY: 'test',
      S3_FORCE_PATH_STYLE: 'true',
      DETECTOR_PORT: String(await freePort()),
      DETECTOR_HOST: '127.0.0.1',
      DETECTOR_ID: 'detector-exhausted',
      DETECTOR_INTRA_OP_THREADS: '1',
      DETECTOR_MAX_DELIVER: String(MAX_DELIVER),
      DETECTOR_RETRY_BASE_MS: String(RETRY_BASE_MS),
      DETECTOR_RETRY_MAX_MS: '1000',
    });
    app = await startDetectorApp(config, memoryLogger(logs));
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    recorder?.stop();
    await nc?.close();
    await nats?.stop();
  });

  async function publishUpload(): Promise<{ event: CloudEvent<ImageUploadedV1>; seq: number }> {
    const imageId = randomUUID();
    const event = createEvent(SUBJECTS.imageUploaded, {
      source: '/lookout/detector-test',
      subject: imageId,
      data: {
        imageId,
        object: { bucket: BUCKET, key: `images/${imageId}.jpg` },
        contentType: 'image/jpeg',
        format: 'jpeg',
        bytes: 1234,
        width: 640,
        height: 480,
        uploadedAt: new Date().toISOString(),
      },
    });
    const { seq } = await new EventPublisher(nc, createLogger('detector-test', 'silent')).publish(SUBJECTS.imageUploaded, event);
    return { event, seq };
  }

  async function storedMessages(stream: string): Promise<StoredMsg[]> {
    const { state } = await jsm.streams.info(stream);
    const stored: StoredMsg[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq += 1) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (message !== null) {
        stored.push(message);
      }
    }
    return stored;
  }

  it(
    'retries, then fails once and dead-letters once',
    async () => {
      const { event, seq } = await publishUpload();

      const failed = await recorder.next(SUBJECTS.detectionsFailed, event.data.imageId);
      const consumer = await waitFor(
        async () => {
          const info = await jsm.consumers.info(STREAMS.images.name, DETECTOR_DURABLE);
          return info.num_pending === 0 && info.num_ack_pending === 0 && info.ack_floor.stream_seq === seq ? info : undefined;
        },
        { describe: 'the detector consumer to settle the exhausted job', timeoutMs: 20_000 },
      );

      expect(failed.data).toMatchObject({ reason: 'delivery_exhausted', jobId: event.id, detectorId: 'detector-exhausted' });
      expect(consumer.num_pending).toBe(0);
      expect(consumer.num_ack_pending).toBe(0);

      const retries = logs.filter((line) => line.msg === 'handler failed and the message will be delivered again' && line.seq === seq);
      expect(retries.map((line) => [line.deliveryCount, line.retryInMs])).toEqual([
        [1, RETRY_BASE_MS],
        [2, 2 * RETRY_BASE_MS],
      ]);

      const deadLetters = await storedMessages(DEAD_LETTER_STREAM.name);
      expect(deadLetters).toHaveLength(1);
      const [deadLetter] = deadLetters;
      expect(deadLetter!.subject).toBe(`deadletter.${SUBJECTS.imageUploaded}`);
      expect(deadLetter!.data).toEqual((await jsm.streams.getMessage(STREAMS.images.name, { seq }))!.data);
      expect(deadLetter!.header.get('Nats-Msg-Id')).toBe(deadLetterMessageId(STREAMS.images.name, DETECTOR_DURABLE, seq));
      expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.stream)).toBe(STREAMS.images.name);
      expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.sequence)).toBe(String(seq));
      expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.durable)).toBe(DETECTOR_DURABLE);
      expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.deliveryCount)).toBe(String(MAX_DELIVER));
      expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.messageId)).toBe(event.id);
      expect(deadLetter!.header.get(DEAD_LETTER_HEADERS.lastError)).not.toBe('');

      // Flushing makes sure every event the server sent before this point has reached the recorder.
      await nc.flush();
      const outcomes = recorder.forImage(event.data.imageId);
      expect(outcomes.map(({ subject }) => subject)).toEqual([SUBJECTS.detectionsFailed]);
      const storedFailures = (await storedMessages(STREAMS.detections.name)).filter((message) => message.subject === SUBJECTS.detectionsFailed);
      expect(storedFailures).toHaveLength(1);
    },
    30_000,
  );
});
