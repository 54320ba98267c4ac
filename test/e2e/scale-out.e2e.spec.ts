import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { decodeEvent, STREAMS, SUBJECTS, type DetectionsCompletedV1 } from '@lookout/contracts';
import { photoPath } from '@lookout/testing';
import { EventStreamReader } from './event-stream.js';
import { startTestStack, type RunningStack } from './stack-fixture.js';

const PHOTOS = ['dog.jpg', 'person.jpg', 'horses.jpg', 'giraffe.jpg', 'eagle.jpg', 'kite.jpg', 'scream.jpg'];
const UPLOADS = 50;
// Uploads sent at once, enough to keep both detectors busy without flooding the gateway.
const UPLOAD_CONCURRENCY = 5;

let stack: RunningStack;
let events: EventStreamReader;

beforeAll(async () => {
  stack = await startTestStack('e2e-scale', { detectors: 2 });
  events = new EventStreamReader(`${stack.url}/v1/events`);
  await events.opened;
}, 120_000);

afterAll(async () => {
  events?.close();
  await stack?.stop();
}, 60_000);

async function uploadPhoto(name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(photoPath(name))], { type: 'image/jpeg' }), name);
  const response = await fetch(`${stack.url}/v1/images`, { method: 'POST', body: form });
  expect(response.status).toBe(202);
  const body = (await response.json()) as { images: Array<{ id: string }> };
  return body.images[0]!.id;
}

async function uploadAll(): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < UPLOADS; start += UPLOAD_CONCURRENCY) {
    const names = Array.from({ length: Math.min(UPLOAD_CONCURRENCY, UPLOADS - start) }, (_, offset) => PHOTOS[(start + offset) % PHOTOS.length]!);
    ids.push(...(await Promise.all(names.map(uploadPhoto))));
  }
  return ids;
}

/** Reads every detections.completed.v1 message the DETECTIONS stream stores. */
async function storedCompletedEvents(): Promise<DetectionsCompletedV1[]> {
  const nc = await connect({ servers: stack.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const { state } = await jsm.streams.info(STREAMS.detections.name);
    const completed: DetectionsCompletedV1[] = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq += 1) {
      const stored = await jsm.streams.getMessage(STREAMS.detections.name, { seq });
      if (stored?.subject === SUBJECTS.detectionsCompleted) {
        completed.push(decodeEvent(SUBJECTS.detectionsCompleted, stored.data).data);
      }
    }
    return completed;
  } finally {
    await nc.close();
  }
}

describe('two detectors sharing the work', () => {
  it('detects and stores fifty photos exactly once', async () => {
    const imageIds = await uploadAll();
    expect(new Set(imageIds).size).toBe(UPLOADS);

    const finished = await Promise.all(imageIds.map((imageId) => events.waitForStatus(imageId, ['done', 'failed'])));
    expect(finished.filter((event) => event.status !== 'done')).toEqual([]);

    const completed = await storedCompletedEvents();
    expect(completed).toHaveLength(UPLOADS);
    expect(new Set(completed.map((event) => event.imageId))).toEqual(new Set(imageIds));
    const completedByImage = new Map(completed.map((event) => [event.imageId, event]));

    const db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      const images = await db.query<{ id: string; status: string; detector_id: string; detections: string }>(
        `select i.id, i.status, i.detector_id, (select count(*) from detections d where d.image_id = i.id) as detections
           from images i where i.id = any($1::uuid[])`,
        [imageIds],
      );
      expect(images.rows).toHaveLength(UPLOADS);
      for (const image of images.rows) {
        const event = completedByImage.get(image.id)!;
        expect({ id: image.id, status: image.status }).toEqual({ id: image.id, status: 'done' });
        expect({ id: image.id, detectorId: image.detector_id }).toEqual({ id: image.id, detectorId: event.detectorId });
        expect({ id: image.id, detections: Number(image.detections) }).toEqual({ id: image.id, detections: event.detections.length });
      }

      const duplicates = await db.query(
        `select image_id, label, class_id, score, x1, y1, x2, y2, count(*) from detections
          group by image_id, label, class_id, score, x1, y1, x2, y2 having count(*) > 1`,
      );
      expect(duplicates.rows).toEqual([]);

      const perDetector = await db.query<{ detector_id: string; images: string }>(
        `select detector_id, count(*) as images from images where id = any($1::uuid[]) group by detector_id`,
        [imageIds],
      );
      expect(perDetector.rows).toHaveLength(2);
      for (const row of perDetector.rows) {
        expect(Number(row.images)).toBeGreaterThanOrEqual(1);
      }
      expect(new Set(perDetector.rows.map((row) => row.detector_id))).toEqual(new Set(completed.map((event) => event.detectorId)));
    } finally {
      await db.end();
    }
  }, 240_000);
});
