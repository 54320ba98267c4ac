import { randomUUID } from 'node:crypto';

import type { Detection, DetectionsCompletedV1, DetectionsFailedV1, ImageUploadedV1 } from '@lookout/contracts';

export const TEST_MODEL = { id: 'nanodet-g-416', version: '2025.1' };

export function uploadedData(imageId: string, fields: Partial<ImageUploadedV1> = {}): ImageUploadedV1 {
  return {
    imageId,
    object: { bucket: 'lookout-images', key: `images/${imageId}.jpg` },
    contentType: 'image/jpeg',
    format: 'jpeg',
    bytes: 163_759,
    width: 768,
    height: 576,
    originalName: 'dog.jpg',
    uploadedAt: '2025-12-04T10:00:00.123Z',
    ...fields,
  };
}

export function detection(label: string, score: number, classId = 16): Detection {
  return { label, classId, score, box: { x1: 131.5, y1: 219.25, x2: 309.75, y2: 541.125 } };
}

export function completedData(imageId: string, fields: Partial<DetectionsCompletedV1> = {}): DetectionsCompletedV1 {
  return {
    imageId,
    jobId: randomUUID(),
    width: 768,
    height: 576,
    model: TEST_MODEL,
    executionProvider: 'cpu',
    detectorId: 'detector-test',
    detections: [detection('dog', 0.875), detection('bicycle', 0.625, 1)],
    timings: { decodeMs: 4.5, inferenceMs: 61.25, totalMs: 70.125 },
    completedAt: '2025-12-04T10:00:01.456Z',
    ...fields,
  };
}

export function failedData(imageId: string, fields: Partial<DetectionsFailedV1> = {}): DetectionsFailedV1 {
  return {
    imageId,
    jobId: randomUUID(),
    reason: 'decode_failed',
    message: 'the object is not a decodable image',
    detectorId: 'detector-test',
    failedAt: '2025-12-04T10:00:02.000Z',
    ...fields,
  };
}
