import { contractSubject, decodeEvent, InvalidEventError, type CloudEvent } from '@lookout/contracts';
import type { JsMsg } from '@nats-io/jetstream';

import type { EventKind } from './event-kind.js';
import { retryDelayMs } from './retry-delay.js';
import { errorFields } from './subscriber-logger.js';
import type { DeliveryInfo, ResolvedSubscriptionOptions } from './subscription-options.js';

/**
 * Decodes one JetStream message, runs the handler and settles the message. It acks after the handler
 * resolves and for an event that scores below minScore. It terms an event that breaks its contract
 * and one whose handler failed on the last delivery. Any other failure gets a nak with a growing delay.
 */
export class EventProcessor<T> {
  constructor(
    private readonly kind: EventKind<T>,
    private readonly options: ResolvedSubscriptionOptions<T>,
    private readonly durable: string,
  ) {}

  async process(msg: JsMsg): Promise<void> {
    const info: DeliveryInfo = {
      subject: msg.subject,
      stream: msg.info.stream,
      durable: this.durable,
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      maxDeliver: this.options.maxDeliver,
      isLastDelivery: msg.info.deliveryCount >= this.options.maxDeliver,
      storedAt: msg.time,
    };
    const fields = { durable: this.durable, subject: msg.subject, seq: msg.seq, deliveryCount: info.deliveryCount };
    const { logger } = this.options;

    const event = this.decode(msg, fields);
    if (event === undefined) {
      return;
    }
    const eventFields = { ...fields, eventId: event.id, imageId: event.subject };

    const score = this.kind.scoreOf(event.data);
    if (this.options.minScore !== undefined && score < this.options.minScore) {
      msg.ack();
      logger.debug({ ...eventFields, score, minScore: this.options.minScore }, 'event below minScore acknowledged without calling the handler');
      return;
    }

    // Without progress signals a handler slower than the ack wait would see its event delivered a second time while still running.
    const keepAlive = setInterval(() => msg.working(), this.options.ackWaitMs / 2);
    try {
      await this.options.handler(event, info);
    } catch (error) {
      this.settleFailure(msg, info, eventFields, error);
      return;
    } finally {
      clearInterval(keepAlive);
    }
    await this.acknowledge(msg, eventFields);
  }

  private decode(msg: JsMsg, fields: Record<string, unknown>): CloudEvent<T> | undefined {
    try {
      if (contractSubject(msg.subject) !== this.kind.subject) {
        throw new InvalidEventError(msg.subject, [`expected an event of ${this.kind.subject}`]);
      }
      return decodeEvent(this.kind.subject, msg.data) as CloudEvent<T>;
    } catch (error) {
      // A redelivery would fail the same way, so the message is terminated at once.
      msg.term();
      this.options.logger.error({ ...fields, ...errorFields(error) }, 'invalid event terminated without calling the handler');
      return undefined;
    }
  }

  private async acknowledge(msg: JsMsg, fields: Record<string, unknown>): Promise<void> {
    try {
      // ackAck waits for the server to confirm, so a lost ack is logged instead of silently causing a redelivery.
      await msg.ackAck();
      this.options.logger.debug(fields, 'event handled and acknowledged');
    } catch (error) {
      this.options.logger.warn({ ...fields, ...errorFields(error) }, 'event handled but the server did not confirm the ack, so it may be delivered again');
    }
  }

  private settleFailure(msg: JsMsg, info: DeliveryInfo, fields: Record<string, unknown>, error: unknown): void {
    const { logger, maxDeliver } = this.options;
    if (info.isLastDelivery) {
      msg.term();
      logger.error({ ...fields, maxDeliver, ...errorFields(error) }, 'handler failed on the last delivery and the event was terminated');
      return;
    }
    const retryInMs = retryDelayMs(info.deliveryCount, this.options.retryDelay);
    msg.nak(retryInMs);
    logger.warn({ ...fields, maxDeliver, retryInMs, ...errorFields(error) }, 'handler failed and the event will be delivered again');
  }
}
