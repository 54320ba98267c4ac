import { describe, expect, it } from '@jest/globals';

import { InvalidTailArgumentError, parseSince } from './parse-since.js';
import { DEFAULT_NATS_URL, parseTailArguments } from './tail-options.js';

const now = new Date('2026-12-04T12:00:00.000Z');

describe('parseSince', () => {
  it.each([
    ['90s', '2026-12-04T11:58:30.000Z'],
    ['10m', '2026-12-04T11:50:00.000Z'],
    ['2h', '2026-12-04T10:00:00.000Z'],
    ['1d', '2026-12-03T12:00:00.000Z'],
    ['2026-12-04T10:00:00Z', '2026-12-04T10:00:00.000Z'],
    ['2026-12-04T11:00:00+01:00', '2026-12-04T10:00:00.000Z'],
  ])('reads %s', (value, expected) => {
    expect(parseSince(value, now).toISOString()).toBe(expected);
  });

  it.each(['10', 'ten minutes', '12/04/2026', '2026-13-45T00:00:00Z', ''])('rejects %j', (value) => {
    expect(() => parseSince(value, now)).toThrow(InvalidTailArgumentError);
  });
});

describe('parseTailArguments', () => {
  it('defaults to a live tail of every label', () => {
    expect(parseTailArguments([], {}, now)).toEqual({
      help: false,
      natsUrl: DEFAULT_NATS_URL,
      labels: [],
      minScore: undefined,
      start: { kind: 'live' },
      allSubjects: false,
      json: false,
    });
  });

  it('reads every option', () => {
    const options = parseTailArguments(
      ['--label', 'dog', '--label', 'traffic light', '--min-score', '0.5', '--since', '10m', '--all-subjects', '--json', '--nats', 'nats://127.0.0.1:4333'],
      { NATS_URL: 'nats://127.0.0.1:4999' },
      now,
    );

    expect(options).toEqual({
      help: false,
      natsUrl: 'nats://127.0.0.1:4333',
      labels: ['dog', 'traffic light'],
      minScore: 0.5,
      start: { kind: 'time', time: new Date('2026-12-04T11:50:00.000Z') },
      allSubjects: true,
      json: true,
    });
  });

  it('takes NATS_URL when --nats is absent', () => {
    expect(parseTailArguments([], { NATS_URL: 'nats://127.0.0.1:4999' }, now, 'nats://127.0.0.1:4888').natsUrl).toBe('nats://127.0.0.1:4999');
  });

  it('takes the stack URL without --nats and NATS_URL', () => {
    expect(parseTailArguments([], {}, now, 'nats://127.0.0.1:4888').natsUrl).toBe('nats://127.0.0.1:4888');
  });

  it('reads --from-seq', () => {
    expect(parseTailArguments(['--from-seq', '42'], {}, now).start).toEqual({ kind: 'sequence', sequence: 42 });
  });

  it.each([
    [['--min-score', '1.5'], /Invalid --min-score "1.5"/],
    [['--min-score', ''], /Invalid --min-score/],
    [['--from-seq', '0'], /Invalid --from-seq "0"/],
    [['--from-seq', '4x'], /Invalid --from-seq "4x"/],
    [['--since', '10m', '--from-seq', '3'], /use only one of them/],
    [['--from-seq', '3', '--all-subjects'], /cannot be combined with --all-subjects/],
    [['--label', ''], /Invalid --label/],
    [['--colour'], /Unknown option '--colour'/],
    [['dog'], /Unexpected argument 'dog'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseTailArguments(argv, {}, now)).toThrow(message);
  });
});
