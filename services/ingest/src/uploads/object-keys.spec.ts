import { describe, expect, it } from '@jest/globals';
import { imageObjectKey, pendingUploadKey, thumbnailObjectKey } from './object-keys.js';

describe('imageObjectKey', () => {
  it('dates the key in UTC', () => {
    // 23:30 on 31 December in UTC is already 1 January in UTC+1.
    const uploadedAt = new Date('2025-12-31T23:30:00Z');

    const key = imageObjectKey('0b7f1c52-93c4-4b8e-9f51-3a8f0c2d6e11', 'jpg', uploadedAt);

    expect(key).toBe('images/2025/12/31/0b7f1c52-93c4-4b8e-9f51-3a8f0c2d6e11.jpg');
  });

  it('pads month and day', () => {
    const key = imageObjectKey('id', 'png', new Date('2026-03-04T08:00:00Z'));

    expect(key).toBe('images/2026/03/04/id.png');
  });
});

describe('thumbnailObjectKey and pendingUploadKey', () => {
  it('key by image id alone', () => {
    expect(thumbnailObjectKey('0b7f1c52')).toBe('thumbnails/0b7f1c52.webp');
    expect(pendingUploadKey('0b7f1c52')).toBe('uploads/pending/0b7f1c52');
  });
});
