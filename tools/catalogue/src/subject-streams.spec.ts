import { describe, expect, it } from '@jest/globals';
import { streamForSubject, SUBJECTS } from '@lookout/contracts';
import { DEAD_LETTER_STREAM } from '@lookout/messaging';

import { durationInWords, durationIso8601, streamStoring, subjectMatchesFilter } from './subject-streams.js';

describe('subjectMatchesFilter', () => {
  it.each([
    ['images.uploaded.v1', 'images.>', true],
    ['images', 'images.>', false],
    ['detections.found.v1.person', 'detections.found.v1.*', true],
    ['detections.found.v1.person.x', 'detections.found.v1.*', false],
    ['detections.found.v1', 'detections.found.v1.*', false],
    ['images.uploaded.v1', 'images.uploaded.v1', true],
    ['images.uploaded.v2', 'images.uploaded.v1', false],
  ])('matches %s against %s: %s', (subject, filter, expected) => {
    expect(subjectMatchesFilter(subject, filter)).toBe(expected);
  });
});

describe('streamStoring', () => {
  it.each(Object.values(SUBJECTS))('agrees with the contracts for %s', (subject) => {
    expect(streamStoring(subject).name).toBe(streamForSubject(subject));
  });

  it('finds the dead-letter stream', () => {
    expect(streamStoring('deadletter.images.uploaded.v1').name).toBe(DEAD_LETTER_STREAM.name);
  });

  it('rejects a subject no stream stores', () => {
    expect(() => streamStoring('other.thing')).toThrow('No stream stores other.thing');
  });
});

describe('durations', () => {
  it('formats whole days, hours and minutes', () => {
    expect(durationInWords(7 * 24 * 60 * 60 * 1000)).toBe('7 days');
    expect(durationInWords(60 * 60 * 1000)).toBe('1 hour');
    expect(durationIso8601(30 * 24 * 60 * 60 * 1000)).toBe('P30D');
    expect(durationIso8601(2 * 60 * 1000)).toBe('PT2M');
  });

  it('rejects a fraction of a second', () => {
    expect(() => durationInWords(1500)).toThrow('not a whole number of seconds');
  });
});
