import { describe, expect, it } from '@jest/globals';

import { InvalidParameterError } from '../errors/results-errors.js';
import { decodeCursor, encodeCursor } from './image-cursor.js';

describe('image cursor', () => {
  const cursor = { uploadedAt: new Date('2025-12-04T10:11:12.345Z'), id: '8d6c1c7e-4a8f-4b7e-9a35-2f1a2b3c4d5e' };

  it('round-trips through encode and decode', () => {
    const decoded = decodeCursor(encodeCursor(cursor));

    expect(decoded.id).toBe(cursor.id);
    expect(decoded.uploadedAt.toISOString()).toBe('2025-12-04T10:11:12.345Z');
  });

  it('encodes to URL-safe text', () => {
    expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON of the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['an id that is not a UUID', Buffer.from('{"uploadedAt":"2025-12-04T10:11:12.345Z","id":"x"}').toString('base64url')],
    ['an invalid time', Buffer.from(`{"uploadedAt":"yesterday","id":"${cursor.id}"}`).toString('base64url')],
  ])('rejects %s', (_case, text) => {
    expect(() => decodeCursor(text)).toThrow(InvalidParameterError);
  });

  it('names the cursor parameter in its error', () => {
    try {
      decodeCursor('garbage');
      throw new Error('decodeCursor accepted garbage');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).toBe('cursor');
    }
  });
});
