import { STREAMS } from '@lookout/contracts';

/** How long the IMAGES and DETECTIONS streams keep a message, acknowledged or not (limits retention). */
export const STREAM_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * How long the DEAD_LETTERS stream keeps a message. Longer than the other streams so that an
 * operator has time to inspect and replay a dead letter after the original has aged out.
 */
export const DEAD_LETTER_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Window in which a stream drops a second publish with the same `Nats-Msg-Id`. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/** First subject token of every dead letter: a message from `images.uploaded.v1` lands on `deadletter.images.uploaded.v1`. */
export const DEAD_LETTER_SUBJECT_PREFIX = 'deadletter';

/** Stream of the messages that failed on every delivery a consumer allows, with the original bytes. */
export const DEAD_LETTER_STREAM = { name: 'DEAD_LETTERS', subjects: [`${DEAD_LETTER_SUBJECT_PREFIX}.>`] } as const;

export interface StreamDefinition {
  name: string;
  subjects: readonly string[];
  maxAgeMs: number;
}

/** The streams this project owns, with the subjects each one stores and its retention. */
export const STREAM_DEFINITIONS: readonly StreamDefinition[] = [
  { ...STREAMS.images, maxAgeMs: STREAM_MAX_AGE_MS },
  { ...STREAMS.detections, maxAgeMs: STREAM_MAX_AGE_MS },
  { ...DEAD_LETTER_STREAM, maxAgeMs: DEAD_LETTER_MAX_AGE_MS },
];
