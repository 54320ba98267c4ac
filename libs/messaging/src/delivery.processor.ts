import { contractSubject, decodeEvent, InvalidEventError, SUBJECTS, type CloudEvent, type Subject } from '@lookout/contracts';
import { errorFields, type Logger } from '@lookout/runtime';
import type { JsMsg, PubAck } from '@nats-io/jetstream';

import type { ResolvedConsumerBinding } from './consumer-binding.js';
import type { DeadLetterPublisher } from './dead-letter.publisher.js';
import { JetStreamContext } from './jetstream.context.js';
import { PermanentJobError } from './permanent-job.error.js';
import { retryDelayMs } from './retry-delay.policy.js';

/** Runs the handler of a subject and settles once the handler has finished. */
export type EventDispatcher = (subject: Subject, event: CloudEvent<unknown>, context: JetStreamContext) => Promise<void>;

// The logger passed in already carries the stream and durable names.
interface DeliveryFields {
  subject: string;
  seq: number;
  deliveryCount: number;
  eventId?: string;
  imageId?: string;
  jobId?: string;
}

/**
 * Decodes one JetStream message, runs its handler and settles the message:
 * ack after the handler succeeds, term for invalid events and PermanentJobError,
 * nak with a growing delay for any other failure until the last delivery.
 * A failure on the last delivery copies the message to the dead-letter stream, then terminates it.
 */
export class DeliveryProcessor {
  constructor(
    private readonly binding: ResolvedConsumerBinding,
    private readonly dispatch: EventDispatcher,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly logger: Logger,
  ) {}

  async process(msg: JsMsg): Promise<void> {
    const fields: DeliveryFields = {
      subject: msg.subject,
      seq: msg.seq,
      deliveryCount: msg.info.deliveryCount,
    };

    const decoded = this.decode(msg, fields);
    if (decoded === undefined) {
      return;
    }
    const { subject, event } = decoded;
    Object.assign(fields, { eventId: event.id, imageId: event.subject, jobId: jobIdOf(subject, event) });

    const context = new JetStreamContext({
      subject: msg.subject,
      stream: this.binding.stream,
      durable: this.binding.durable,
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      maxDeliver: this.binding.maxDeliver,
      headers: msg.headers,
      extendAckDeadline: () => msg.working(),
    });

    this.logger.debug(fields, 'processing event');
    const startedAt = performance.now();
    // Without progress signals a handler slower than the ack wait would be delivered to another replica while still running.
    const keepAlive = setInterval(() => msg.working(), this.binding.ackWaitMs / 2);
    let failure: { error: unknown } | undefined;
    try {
      await this.dispatch(subject, event, context);
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(keepAlive);
    }
    const durationMs = Math.round(performance.now() - startedAt);

    if (failure === undefined) {
      await this.acknowledge(msg, fields, durationMs);
    } else {
      await this.settleFailure(msg, context, failure.error, fields);
    }
  }

  private decode(msg: JsMsg, fields: DeliveryFields): { subject: Subject; event: CloudEvent<unknown> } | undefined {
    try {
      // Per-label subjects such as detections.found.v1.person share the contract of detections.found.v1.
      const subject = contractSubject(msg.subject);
      if (subject === undefined) {
        throw new InvalidEventError(msg.subject, ['no event contract exists for this subject']);
      }
      return { subject, event: decodeEvent(subject, msg.data) };
    } catch (error) {
      // A redelivery would fail the same way, so the message is terminated at once.
      this.logger.error({ ...fields, ...errorFields(error) }, 'invalid event terminated');
      msg.term();
      return undefined;
    }
  }

  private async acknowledge(msg: JsMsg, fields: DeliveryFields, durationMs: number): Promise<void> {
    try {
      // ackAck waits for the server to confirm the ack, so a lost ack is logged instead of silently causing a redelivery.
      await msg.ackAck();
      this.logger.debug({ ...fields, durationMs }, 'event processed');
    } catch (error) {
      this.logger.warn({ ...fields, durationMs, ...errorFields(error) }, 'event processed but the server did not confirm the ack, so it may be delivered again');
    }
  }

  private async settleFailure(msg: JsMsg, context: JetStreamContext, error: unknown, fields: DeliveryFields): Promise<void> {
    if (error instanceof PermanentJobError) {
      // NOTE: term() carries no reason because nats-server 2.9 ignores a "+TERM <reason>" ack.
      msg.term();
      this.logger.error({ ...fields, ...errorFields(error) }, 'handler failed permanently and the message was terminated');
      return;
    }
    if (context.isLastDelivery) {
      await this.moveToDeadLetters(msg, error, fields);
      return;
    }
    const delayMs = retryDelayMs(context.deliveryCount, this.binding.retryDelay);
    msg.nak(delayMs);
    this.logger.warn(
      { ...fields, maxDeliver: this.binding.maxDeliver, retryInMs: delayMs, ...errorFields(error) },
      'handler failed and the message will be delivered again',
    );
  }

  /**
   * Publishes the message to the dead-letter stream, then terminates it. In that order, a process
   * that stops in between leaves the message unsettled, so the spare delivery repeats both steps
   * and the dead letter's derived `Nats-Msg-Id` makes the stream drop the second copy.
   */
  private async moveToDeadLetters(msg: JsMsg, error: unknown, fields: DeliveryFields): Promise<void> {
    const failure = { ...fields, maxDeliver: this.binding.maxDeliver, ...errorFields(error) };
    let stored: PubAck;
    try {
      stored = await this.deadLetters.publish(msg, error);
    } catch (publishError) {
      this.handleDeadLetterPublishFailure(msg, failure, publishError);
      return;
    }
    msg.term();
    this.logger.error(
      { ...failure, deadLetterStream: stored.stream, deadLetterSeq: stored.seq, duplicate: stored.duplicate },
      'handler failed on the last delivery and the message was moved to the dead-letter stream',
    );
  }

  private handleDeadLetterPublishFailure(msg: JsMsg, failure: DeliveryFields & Record<string, unknown>, publishError: unknown): void {
    const fields = { ...failure, deadLetterError: errorFields(publishError).err };
    if (msg.info.deliveryCount <= this.binding.maxDeliver) {
      // The consumer allows one delivery past maxDeliver, which runs the handler and this move again.
      const delayMs = retryDelayMs(msg.info.deliveryCount, this.binding.retryDelay);
      msg.nak(delayMs);
      this.logger.error({ ...fields, retryInMs: delayMs }, 'moving the message to the dead-letter stream failed, so it will be delivered once more');
      return;
    }
    // The server would not deliver it again anyway, so the term only makes that explicit. The original stays in its stream until max age.
    msg.term();
    this.logger.error(fields, 'moving the message to the dead-letter stream failed on the spare delivery and the message was terminated');
  }
}

/** Returns the id of the detection job an event belongs to, which is the id of the images.uploaded.v1 event that started it. */
function jobIdOf(subject: Subject, event: CloudEvent<unknown>): string | undefined {
  if (subject === SUBJECTS.imageUploaded) {
    return event.id;
  }
  const data = event.data as { jobId?: unknown };
  return typeof data.jobId === 'string' ? data.jobId : undefined;
}
