import { STREAM_DEFINITIONS, type StreamDefinition } from '@lookout/messaging';

/** Returns true when a NATS subject matches a subject filter with `*` and `>` wildcards. */
export function subjectMatchesFilter(subject: string, filter: string): boolean {
  const tokens = subject.split('.');
  const filterTokens = filter.split('.');
  for (const [index, filterToken] of filterTokens.entries()) {
    if (filterToken === '>') {
      return tokens.length > index;
    }
    if (index >= tokens.length || (filterToken !== '*' && filterToken !== tokens[index])) {
      return false;
    }
  }
  return tokens.length === filterTokens.length;
}

/** Returns the stream that stores a NATS subject, or raises when none of the project's streams does. */
export function streamStoring(subject: string): StreamDefinition {
  const stream = STREAM_DEFINITIONS.find((definition) => definition.subjects.some((filter) => subjectMatchesFilter(subject, filter)));
  if (stream === undefined) {
    throw new Error(`No stream stores ${subject}: add its subject to a stream in STREAM_DEFINITIONS`);
  }
  return stream;
}

const DURATION_UNITS = [
  { ms: 24 * 60 * 60 * 1000, iso: 'D', word: 'day' },
  { ms: 60 * 60 * 1000, iso: 'H', word: 'hour' },
  { ms: 60 * 1000, iso: 'M', word: 'minute' },
  { ms: 1000, iso: 'S', word: 'second' },
] as const;

function largestWholeUnit(ms: number): (typeof DURATION_UNITS)[number] {
  const unit = DURATION_UNITS.find((candidate) => ms % candidate.ms === 0);
  if (unit === undefined) {
    throw new Error(`Duration ${ms} ms is not a whole number of seconds`);
  }
  return unit;
}

/** Formats a duration such as a stream's max age in words, for example `7 days`. */
export function durationInWords(ms: number): string {
  const unit = largestWholeUnit(ms);
  const count = ms / unit.ms;
  return `${count} ${unit.word}${count === 1 ? '' : 's'}`;
}

/** Formats a duration as ISO 8601, for example `P7D` or `PT2M`. */
export function durationIso8601(ms: number): string {
  const unit = largestWholeUnit(ms);
  const count = ms / unit.ms;
  return unit.iso === 'D' ? `P${count}D` : `PT${count}${unit.iso}`;
}
