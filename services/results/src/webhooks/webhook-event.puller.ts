import { decodeEvent, type CloudEvent } from '@lookout/contracts';
import { ensureConsumer, retryDelayMs, type ResolvedConsumerBinding } from '@lookout/messaging';
import { errorFields, type Logger } from '@lookout/runtime';
import { jetstream, jetstreamManager, type Consumer, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

import type { WebhookSubject } from './webhook-filter.js';

/** Handles one decoded event stored in the stream at `storedAt`; resolves after its effect is committed. */
export type WebhookEventHandler = (event: CloudEvent<unknown>, storedAt: Date) => Promise<void>;

/** Messages requested by one pull. They are handled one after another, in stream order. */
const PULL_BATCH_SIZE = 16;
/** How long one pull request waits on the server for messages before the loop issues the next. */
const PULL_EXPIRES_MS = 30_000;
const REOPEN_POLICY = { initialDelayMs: 1_000, maxDelayMs: 30_000 };

/**
 * Pulls one durable consumer and passes each event to the handler. A message is acked after the
 * handler resolves and terminated when it breaks its contract. After a handler failure it is naked
 * with a growing delay, and terminated with an error log once the binding's deliveries are used up.
 */
export class WebhookEventPuller {
  private readonly logger: Logger;
  private stopping = false;
  private batch: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private wakeStop: () => void = () => undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly binding: ResolvedConsumerBinding,
    private readonly handle: WebhookEventHandler,
    logger: Logger,
  ) {
    this.logger = logger.child({ stream: binding.stream, durable: binding.durable });
  }

  /** Creates or updates the durable consumer, then starts pulling. */
  async start(): Promise<void> {
    const consumer = await this.open();
    this.loop = this.run(consumer);
  }

  /** Stops pulling and waits for the event in progress. Messages pulled but not handled return after the ack wait. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeStop();
    await this.batch?.close();
    await this.loop;
  }

  private async open(): Promise<Consumer> {
    await ensureConsumer(await jetstreamManager(this.nc), this.binding);
    return jetstream(this.nc).consumers.get(this.binding.stream, this.binding.durable);
  }

  private async run(initial: Consumer): Promise<void> {
    let consumer: Consumer | undefined = initial;
    let failures = 0;
    while (!this.stopping) {
      try {
        consumer ??= await this.open();
        await this.pullOnce(consumer);
        failures = 0;
      } catch (error) {
        if (this.stopping) {
          break;
        }
        failures += 1;
        // The consumer may have been deleted or the server restarted, so it is opened again.
        consumer = undefined;
        const delayMs = retryDelayMs(failures, REOPEN_POLICY);
        this.logger.error({ consecutiveFailures: failures, retryInMs: delayMs, ...errorFields(error) }, 'pulling webhook events failed and will be retried');
        await this.sleepUnlessStopped(delayMs);
      }
    }
  }

  private async pullOnce(consumer: Consumer): Promise<void> {
    const batch = await consumer.fetch({ max_messages: PULL_BATCH_SIZE, expires: PULL_EXPIRES_MS });
    this.batch = batch;
    try {
      for await (const msg of batch) {
        if (this.stopping) {
          break;
        }
        await this.process(msg);
      }
      const ended = await batch.closed();
      if (ended instanceof Error && !this.stopping) {
        throw ended;
      }
    } finally {
      this.batch = undefined;
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const subject = this.binding.filterSubject as WebhookSubject;
    const fields = { subject: msg.subject, seq: msg.seq, deliveryCount: msg.info.deliveryCount };
    let event: CloudEvent<unknown>;
    try {
      event = decodeEvent(subject, msg.data);
    } catch (error) {
      // A redelivery would fail the same way.
      this.logger.error({ ...fields, ...errorFields(error) }, 'invalid event terminated without webhook deliveries');
      msg.term();
      return;
    }

    const eventFields = { ...fields, eventId: event.id, imageId: event.subject };
    // Keeps the message from being delivered again while a slow transaction runs.
    const keepAlive = setInterval(() => msg.working(), this.binding.ackWaitMs / 2);
    try {
      await this.handle(event, msg.time);
    } catch (error) {
      this.settleFailure(msg, eventFields, error);
      return;
    } finally {
      clearInterval(keepAlive);
    }
    try {
      await msg.ackAck();
    } catch (error) {
      // The unique (webhook_id, event_id) key makes the redelivery that may follow queue nothing twice.
      this.logger.warn({ ...eventFields, ...errorFields(error) }, 'webhook deliveries queued but the server did not confirm the ack');
    }
  }

  private settleFailure(msg: JsMsg, fields: Record<string, unknown>, error: unknown): void {
    if (msg.info.deliveryCount >= this.binding.maxDeliver) {
      msg.term();
      this.logger.error({ ...fields, maxDeliver: this.binding.maxDeliver, ...errorFields(error) }, 'queuing webhook deliveries failed on the last delivery, so the event reaches no webhook');
      return;
    }
    const delayMs = retryDelayMs(msg.info.deliveryCount, this.binding.retryDelay);
    msg.nak(delayMs);
    this.logger.warn({ ...fields, retryInMs: delayMs, ...errorFields(error) }, 'queuing webhook deliveries failed and the event will be delivered again');
  }

  private async sleepUnlessStopped(delayMs: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, delayMs);
      this.wakeStop = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
