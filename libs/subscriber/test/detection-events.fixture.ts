import { randomUUID } from 'node:crypto';

import {
  createEvent,
  detectionFoundSubject,
  encodeEvent,
  SUBJECTS,
  type CloudEvent,
  type DetectionFoundV1,
  type DetectionsCompletedV1,
  type DetectionsFailedV1,
  type ImageUploadedV1,
} from '@lookout/contracts';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

const SOURCE = '/lookout/subscriber-test';
const MODEL = { id: 'test-model', version: '1' };

/** Builds a valid detections.found.v1 event with one box that scores `maxScore`. */
export function detectionFoundEvent(label: string, maxScore: number, imageId: string = randomUUID()): CloudEvent<DetectionFoundV1> {
  const completedAt = new Date().toISOString();
  return createEvent(SUBJECTS.detectionFound, {
    source: SOURCE,
    subject: imageId,
    data: {
      imageId,
      jobId: randomUUID(),
      label,
      classId: 0,
      maxScore,
      count: 1,
      detections: [{ label, classId: 0, score: maxScore, box: { x1: 10, y1: 20, x2: 110, y2: 220 } }],
      width: 640,
      height: 480,
      model: MODEL,
      executionProvider: 'cpu',
      completedAt,
    },
  });
}

/** Builds a valid detections.completed.v1 event with one `person` box per score. */
export function detectionsCompletedEvent(scores: number[], imageId: string = randomUUID()): CloudEvent<DetectionsCompletedV1> {
  return createEvent(SUBJECTS.detectionsCompleted, {
    source: SOURCE,
    subject: imageId,
    data: {
      imageId,
      jobId: randomUUID(),
      width: 640,
      height: 480,
      model: MODEL,
      executionProvider: 'cpu',
      detectorId: 'detector-test',
      detections: scores.map((score) => ({ label: 'person', classId: 0, score, box: { x1: 1, y1: 2, x2: 3, y2: 4 } })),
      timings: { decodeMs: 1, inferenceMs: 2, totalMs: 3 },
      completedAt: new Date().toISOString(),
    },
  });
}

export function detectionsFailedEvent(imageId: string = randomUUID()): CloudEvent<DetectionsFailedV1> {
  return createEvent(SUBJECTS.detectionsFailed, {
    source: SOURCE,
    subject: imageId,
    data: {
      imageId,
      jobId: randomUUID(),
      reason: 'decode_failed',
      message: 'not an image',
      detectorId: 'detector-test',
      failedAt: new Date().toISOString(),
    },
  });
}

export function imageUploadedEvent(imageId: string = randomUUID()): CloudEvent<ImageUploadedV1> {
  return createEvent(SUBJECTS.imageUploaded, {
    source: SOURCE,
    subject: imageId,
    data: {
      imageId,
      object: { bucket: 'lookout-images', key: `images/${imageId}.jpg` },
      contentType: 'image/jpeg',
      format: 'jpeg',
      bytes: 2_048,
      width: 640,
      height: 480,
      originalName: 'street.jpg',
      uploadedAt: new Date().toISOString(),
    },
  });
}

/** Publishes test events on the subjects the detector and ingest use, and returns their stream sequences. */
export class TestEventPublisher {
  private readonly js: JetStreamClient;

  constructor(nc: NatsConnection) {
    this.js = jetstream(nc);
  }

  /** Publishes a detections.found.v1 event on its per-label subject. */
  async found(event: CloudEvent<DetectionFoundV1>): Promise<number> {
    return this.raw(detectionFoundSubject(event.data.label), encodeEvent(event), event.id);
  }

  async completed(event: CloudEvent<DetectionsCompletedV1>): Promise<number> {
    return this.raw(SUBJECTS.detectionsCompleted, encodeEvent(event), event.id);
  }

  async failed(event: CloudEvent<DetectionsFailedV1>): Promise<number> {
    return this.raw(SUBJECTS.detectionsFailed, encodeEvent(event), event.id);
  }

  async uploaded(event: CloudEvent<ImageUploadedV1>): Promise<number> {
    return this.raw(SUBJECTS.imageUploaded, encodeEvent(event), event.id);
  }

  /** Publishes bytes as they are, so tests can store events that break their contract. */
  async raw(subject: string, data: Uint8Array, msgId: string = randomUUID()): Promise<number> {
    const ack = await this.js.publish(subject, data, { msgID: msgId });
    return ack.seq;
  }
}
