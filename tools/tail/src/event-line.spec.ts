import { describe, expect, it } from '@jest/globals';
import { createEvent, SUBJECTS } from '@lookout/contracts';

import { eventLine } from './event-line.js';

const imageId = '0b9f3c1e-4a52-4d8e-9a53-2f7c8a1d6e40';
const time = new Date('2026-12-04T10:00:00.000Z');
const model = { id: 'nanodet-g-416', version: '2' };

describe('eventLine', () => {
  it('formats a found event', () => {
    const event = createEvent(SUBJECTS.detectionFound, {
      source: '/test',
      subject: imageId,
      time,
      data: {
        imageId,
        jobId: 'job-1',
        label: 'dog',
        classId: 16,
        maxScore: 0.8765,
        count: 2,
        detections: [
          { label: 'dog', classId: 16, score: 0.8765, box: { x1: 1, y1: 2, x2: 3, y2: 4 } },
          { label: 'dog', classId: 16, score: 0.5, box: { x1: 5, y1: 6, x2: 7, y2: 8 } },
        ],
        width: 768,
        height: 576,
        model,
        executionProvider: 'cpu',
        completedAt: time.toISOString(),
      },
    });

    expect(eventLine({ subject: SUBJECTS.detectionFound, event, stream: 'DETECTIONS', seq: 42 })).toBe(
      `2026-12-04T10:00:00.000Z  ${imageId}  found      dog  0.88  nanodet-g-416@2  2 boxes  DETECTIONS#42`,
    );
  });

  it('names a subject without its own format', () => {
    const event = createEvent(SUBJECTS.imageUploaded, {
      source: '/test',
      subject: imageId,
      time,
      data: {
        imageId,
        object: { bucket: 'lookout-images', key: 'images/a.jpg' },
        contentType: 'image/jpeg',
        format: 'jpeg',
        bytes: 10,
        width: 2,
        height: 3,
        uploadedAt: time.toISOString(),
      },
    });
    const unknownSubject = 'detections.reviewed.v1' as typeof SUBJECTS.imageUploaded;

    expect(eventLine({ subject: unknownSubject, event, stream: 'DETECTIONS', seq: 3 })).toBe(`2026-12-04T10:00:00.000Z  ${imageId}  detections.reviewed.v1  DETECTIONS#3`);
  });

  it('formats a failed event', () => {
    const event = createEvent(SUBJECTS.detectionsFailed, {
      source: '/test',
      subject: imageId,
      time,
      data: { imageId, jobId: 'job-1', reason: 'decode_failed', message: 'not an image', detectorId: 'd-1', failedAt: time.toISOString() },
    });

    expect(eventLine({ subject: SUBJECTS.detectionsFailed, event, stream: 'DETECTIONS', seq: 7 })).toBe(
      `2026-12-04T10:00:00.000Z  ${imageId}  failed     decode_failed: not an image  DETECTIONS#7`,
    );
  });
});
