import { DEAD_LETTER_SUBJECT_PREFIX } from './stream.constants.js';

/** Headers of a dead letter that record where the original message came from and why it failed. */
export const DEAD_LETTER_HEADERS = {
  /** Stream that stored the original message, such as `IMAGES`. */
  stream: 'Lookout-Original-Stream',
  /** Subject the original message was published on. */
  subject: 'Lookout-Original-Subject',
  /** Stream sequence of the original message. */
  sequence: 'Lookout-Original-Sequence',
  /** Durable consumer whose handler failed. */
  durable: 'Lookout-Original-Durable',
  /** `Nats-Msg-Id` of the original message, which is the CloudEvent id. Absent when the publisher set none. */
  messageId: 'Lookout-Original-Msg-Id',
  /** Delivery on which the message was moved, 1-based. */
  deliveryCount: 'Lookout-Delivery-Count',
  /** Error message of the last failed delivery, on one line and truncated to MAX_LAST_ERROR_LENGTH. */
  lastError: 'Lookout-Last-Error',
} as const;

/** Longest `Lookout-Last-Error` value in characters, so a huge error message cannot bloat the stream. */
export const MAX_LAST_ERROR_LENGTH = 1_000;

/** Returns the subject a dead letter of `subject` is published on. */
export function deadLetterSubject(subject: string): string {
  return `${DEAD_LETTER_SUBJECT_PREFIX}.${subject}`;
}

/**
 * Returns the `Nats-Msg-Id` of the dead letter of one stored message and one durable. Moving the same
 * message twice, after a crash between the publish and the term, then stores it once. The durable is
 * part of the id because two durables on one stream may each give up on the same message.
 */
export function deadLetterMessageId(stream: string, durable: string, streamSequence: number): string {
  return `deadletter:${stream}:${durable}:${streamSequence}`;
}

/** Turns an error into a single-line header value, because NATS header values cannot contain CR or LF. */
export function lastErrorHeaderValue(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const oneLine = message.replace(/[\r\n]+/g, ' ').trim();
  return oneLine.length > MAX_LAST_ERROR_LENGTH ? `${oneLine.slice(0, MAX_LAST_ERROR_LENGTH - 3)}...` : oneLine;
}
