import { decodeEvent, InvalidEventError, isSubject, SUBJECTS, type CloudEvent, type Subject } from '@lookout/contracts';
import { errorFields, type Logger } from '@lookout/runtime';
import type { JsMsg } from '@nats-io/jetstream';

import type { ResolvedConsumerBinding } from './consumer-binding.js';
import { JetStreamContext } from './jetstream.context.js';
import { PermanentJobError } from './permanent-job.error.js';
import { DEFAULT_RETRY_DELAY_POLICY, retryDelayMs, type RetryDelayPolicy } from './retry-delay.policy.js';

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
 */
export class DeliveryProcessor {
  constructor(
    private readonly binding: ResolvedConsumerBinding,
    private readonly dispatch: EventDispatcher,
    private readonly logger: Logger,
    private readonly retryPolicy: RetryDelayPolicy = DEFAULT_RETRY_DELAY_POLICY,
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
      subject,
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
      this.settleFailure(msg, context, failure.error, fields);
    }
  }

  private decode(msg: JsMsg, fields: DeliveryFields): { subject: Subject; event: CloudEvent<unknown> } | undefined {
    try {
      if (!isSubject(msg.subject)) {
        throw new InvalidEventError(msg.subject, ['no event contract exists for this subject']);
      }
      return { subject: msg.subject, event: decodeEvent(msg.subject, msg.data) };
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

  private settleFailure(msg: JsMsg, context: JetStreamContext, error: unknown, fields: DeliveryFields): void {
    if (error instanceof PermanentJobError) {
      // NOTE: term() carries no reason because nats-server 2.9 ignores a "+TERM <reason>" ack.
      msg.term();
      this.logger.error({ ...fields, ...errorFields(error) }, 'handler failed permanently and the message was terminated');
      return;
    }
    if (context.isLastDelivery) {
      msg.term();
      this.logger.error(
        { ...fields, maxDeliver: this.binding.maxDeliver, ...errorFields(error) },
        'handler failed on the last delivery and the message was terminated',
      );
      return;
    }
    const delayMs = retryDelayMs(context.deliveryCount, this.retryPolicy);
    msg.nak(delayMs);
    this.logger.warn(
      { ...fields, maxDeliver: this.binding.maxDeliver, retryInMs: delayMs, ...errorFields(error) },
      'handler failed and the message will be delivered again',
    );
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
