import { describe, expect, it } from '@jest/globals';
import { createEvent, decodeEvent, encodeEvent, InvalidEventError } from './events.js';
import { contractSubject, detectionFoundSubject, labelToken, SUBJECTS, streamForSubject } from './subjects.js';

const uploaded = {
  imageId: '0b7e4f3c-3d0a-4c4e-9a55-2f1f4b7d9a10',
  object: { bucket: 'images', key: 'images/2026/12/04/0b7e4f3c.jpg' },
  contentType: 'image/jpeg',
  format: 'jpeg',
  bytes: 1024,
  width: 640,
  height: 480,
  uploadedAt: '2026-12-04T10:00:00.000Z',
};

describe('event contracts', () => {
  it('creates CloudEvents 1.0 envelopes', () => {
    const event = createEvent(SUBJECTS.imageUploaded, { source: '/lookout/ingest', subject: uploaded.imageId, data: uploaded });

    expect(event.specversion).toBe('1.0');
    expect(event.type).toBe('io.lookout.images.uploaded.v1');
    expect(event.subject).toBe(uploaded.imageId);
    expect(event.source).toBe('/lookout/ingest');
    expect(event.datacontenttype).toBe('application/json');
    expect(Number.isNaN(Date.parse(event.time))).toBe(false);
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('round-trips through bytes', () => {
    const event = createEvent(SUBJECTS.imageUploaded, { source: '/lookout/ingest', subject: uploaded.imageId, data: uploaded });

    expect(decodeEvent(SUBJECTS.imageUploaded, encodeEvent(event))).toEqual(event);
  });

  it('rejects a payload that breaks its schema', () => {
    const broken = { ...uploaded, width: -1 };

    expect(() => createEvent(SUBJECTS.imageUploaded, { source: '/x', subject: 'x', data: broken })).toThrow(InvalidEventError);
  });

  it('rejects an event of another type on a subject', () => {
    const event = createEvent(SUBJECTS.imageUploaded, { source: '/lookout/ingest', subject: uploaded.imageId, data: uploaded });

    expect(() => decodeEvent(SUBJECTS.detectionsFailed, encodeEvent(event))).toThrow(/type is io.lookout.images.uploaded.v1/);
  });

  it('rejects bytes that are not JSON', () => {
    expect(() => decodeEvent(SUBJECTS.imageUploaded, new TextEncoder().encode('{'))).toThrow(/not JSON/);
  });

  it('maps subjects to streams', () => {
    expect(streamForSubject(SUBJECTS.imageUploaded)).toBe('IMAGES');
    expect(streamForSubject(SUBJECTS.detectionsCompleted)).toBe('DETECTIONS');
  });
});

describe('label subjects', () => {
  it('turns labels into subject tokens', () => {
    expect(labelToken('person')).toBe('person');
    expect(labelToken('traffic light')).toBe('traffic_light');
    expect(labelToken('Hot-Dog.v2')).toBe('hot-dog_v2');
  });

  it('builds the found subject of a label', () => {
    expect(detectionFoundSubject('traffic light')).toBe('detections.found.v1.traffic_light');
  });

  it('maps NATS subjects to contract subjects', () => {
    expect(contractSubject('detections.completed.v1')).toBe(SUBJECTS.detectionsCompleted);
    expect(contractSubject('detections.found.v1.dog')).toBe(SUBJECTS.detectionFound);
    expect(contractSubject('detections.found.v1')).toBeUndefined();
    expect(contractSubject('detections.found.v1.dog.extra')).toBeUndefined();
    expect(contractSubject('images.deleted.v1')).toBeUndefined();
  });
});
