import { STREAMS } from '@lookout/contracts';

/** How long a stream keeps a message, acknowledged or not (limits retention). */
export const STREAM_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Window in which the stream drops a second publish with the same `Nats-Msg-Id`. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/** The streams this project owns, with the subjects each one stores. */
export const STREAM_DEFINITIONS = [STREAMS.images, STREAMS.detections] as const;
