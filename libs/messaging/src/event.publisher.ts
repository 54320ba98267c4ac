import { encodeEvent, parseEvent, streamForSubject, type CloudEvent, type EventData, type Subject } from '@lookout/contracts';
import { errorFields, type Logger } from '@lookout/runtime';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

import { EventPublishError } from './event-publish.error.js';

export interface PublishResult {
  /** Stream sequence of the stored message (of the first copy when `duplicate`). */
  seq: number;
  /** True when the stream already held a message with this event id inside its duplicate window. */
  duplicate: boolean;
}

/** Publishes CloudEvents to JetStream and waits until the stream has stored them. */
export class EventPublisher {
  private readonly js: JetStreamClient;

  constructor(
    nc: NatsConnection,
    private readonly logger: Logger,
  ) {
    this.js = jetstream(nc);
  }

  /**
   * Validates the event against the subject's contract, publishes it with `Nats-Msg-Id`
   * set to the event id and resolves once the stream acknowledges it.
   * Raises `InvalidEventError` for an event that breaks its contract and
   * `EventPublishError` when the stream does not confirm the publish.
   */
  async publish<S extends Subject>(subject: S, event: CloudEvent<EventData<S>>): Promise<PublishResult> {
    const valid = parseEvent(subject, event);
    const stream = streamForSubject(subject);
    const fields = { subject, stream, eventId: valid.id, imageId: valid.subject };

    let ack;
    try {
      ack = await this.js.publish(subject, encodeEvent(valid), { msgID: valid.id, expect: { streamName: stream } });
    } catch (error) {
      this.logger.error({ ...fields, ...errorFields(error) }, 'event publish failed');
      throw new EventPublishError(subject, valid.id, { cause: error });
    }

    if (ack.duplicate) {
      this.logger.info({ ...fields, seq: ack.seq }, 'duplicate publish ignored because the stream already stores the event');
    } else {
      this.logger.debug({ ...fields, seq: ack.seq }, 'event published');
    }
    return { seq: ack.seq, duplicate: ack.duplicate };
  }
}
