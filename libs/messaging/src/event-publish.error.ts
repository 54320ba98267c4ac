/** Raised when JetStream does not confirm that an event was stored. */
export class EventPublishError extends Error {
  readonly code = 'event_publish_failed';

  constructor(
    readonly eventSubject: string,
    readonly eventId: string,
    options?: { cause?: unknown },
  ) {
    super(`Publishing ${eventSubject} event ${eventId} failed: the stream did not confirm it`, options);
    this.name = 'EventPublishError';
  }
}
