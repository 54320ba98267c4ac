import { detectionFoundSubject, encodeEvent, parseEvent, STREAMS, SUBJECTS, type CloudEvent, type DetectionFoundV1 } from '@lookout/contracts';
import { EventPublishError, type PublishResult } from '@lookout/messaging';
import { errorFields, type Logger } from '@lookout/runtime';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

/**
 * Publishes detections.found.v1 events on their per-label subjects (`detections.found.v1.<label token>`),
 * which EventPublisher cannot do because it publishes each event on its contract subject.
 * Like EventPublisher, it sets `Nats-Msg-Id` to the event id and resolves once the stream stored it.
 */
export class DetectionFoundPublisher {
  private readonly js: JetStreamClient;

  constructor(
    nc: NatsConnection,
    private readonly logger: Logger,
  ) {
    this.js = jetstream(nc);
  }

  /** Raises InvalidEventError for an event that breaks the contract and EventPublishError when the stream does not confirm it. */
  async publish(event: CloudEvent<DetectionFoundV1>): Promise<PublishResult> {
    const valid = parseEvent(SUBJECTS.detectionFound, event);
    const subject = detectionFoundSubject(valid.data.label);
    const fields = { subject, eventId: valid.id, imageId: valid.subject };
    try {
      const ack = await this.js.publish(subject, encodeEvent(valid), { msgID: valid.id, expect: { streamName: STREAMS.detections.name } });
      this.logger.debug({ ...fields, seq: ack.seq, duplicate: ack.duplicate }, 'event published');
      return { seq: ack.seq, duplicate: ack.duplicate };
    } catch (error) {
      this.logger.error({ ...fields, ...errorFields(error) }, 'event publish failed');
      throw new EventPublishError(subject, valid.id, { cause: error });
    }
  }
}
