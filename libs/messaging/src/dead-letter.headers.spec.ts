import { describe, expect, it } from '@jest/globals';

import { deadLetterMessageId, deadLetterSubject, lastErrorHeaderValue, MAX_LAST_ERROR_LENGTH } from './dead-letter.headers.js';

describe('dead-letter headers', () => {
  it('prefixes the original subject', () => {
    expect(deadLetterSubject('images.uploaded.v1')).toBe('deadletter.images.uploaded.v1');
  });

  it('derives one message id per stream, durable and sequence', () => {
    expect(deadLetterMessageId('IMAGES', 'detector', 42)).toBe(deadLetterMessageId('IMAGES', 'detector', 42));
    expect(deadLetterMessageId('IMAGES', 'detector', 42)).not.toBe(deadLetterMessageId('IMAGES', 'results-images', 42));
    expect(deadLetterMessageId('IMAGES', 'detector', 42)).not.toBe(deadLetterMessageId('IMAGES', 'detector', 43));
  });

  it('puts a multi-line error on one line', () => {
    expect(lastErrorHeaderValue(new TypeError('first\r\nsecond\nthird'))).toBe('TypeError: first second third');
  });

  it('describes a thrown non-error', () => {
    expect(lastErrorHeaderValue('socket hang up')).toBe('socket hang up');
  });

  it('truncates a long error', () => {
    const value = lastErrorHeaderValue(new Error('x'.repeat(5_000)));

    expect(value).toHaveLength(MAX_LAST_ERROR_LENGTH);
    expect(value.endsWith('...')).toBe(true);
  });
});
