import { describe, expect, it } from '@jest/globals';
import { createEvent, parseEvent, SUBJECTS, InvalidEventError } from '@lookout/contracts';

import { cloudEventEnvelopeSchema } from './cloud-event-envelope.js';

const imageId = '0b7e4f3c-3d0a-4c4e-9a55-2f1f4b7d9a10';
const event = createEvent(SUBJECTS.detectionsFailed, {
  source: '/lookout/detector',
  subject: imageId,
  data: {
    imageId,
    jobId: 'job-1',
    reason: 'decode_failed',
    message: 'not an image',
    detectorId: 'detector-1',
    failedAt: '2026-12-04T10:00:00.000Z',
  },
});

describe('cloudEventEnvelopeSchema', () => {
  it('accepts an event that createEvent builds', () => {
    expect(cloudEventEnvelopeSchema(SUBJECTS.detectionsFailed).safeParse(event).success).toBe(true);
  });

  it('has the attributes of a created event', () => {
    expect(Object.keys(cloudEventEnvelopeSchema(SUBJECTS.detectionsFailed).shape).sort()).toEqual(Object.keys(event).sort());
  });

  it('requires each attribute that parseEvent requires', () => {
    for (const attribute of Object.keys(event).filter((name) => name !== 'data')) {
      const { [attribute]: _removed, ...incomplete } = event as unknown as Record<string, unknown>;

      expect(() => parseEvent(SUBJECTS.detectionsFailed, incomplete)).toThrow(InvalidEventError);
      expect(cloudEventEnvelopeSchema(SUBJECTS.detectionsFailed).safeParse(incomplete).success).toBe(false);
    }
  });

  it('fixes the type to the subject', () => {
    const other = { ...event, type: 'io.lookout.detections.completed.v1' };

    expect(cloudEventEnvelopeSchema(SUBJECTS.detectionsFailed).safeParse(other).success).toBe(false);
  });
});
