import { errorFields, type Logger } from '@lookout/runtime';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';

import type { ResolvedConsumerBinding } from './consumer-binding.js';
import { InFlightLimiter } from './in-flight.limiter.js';
import { retryDelayMs } from './retry-delay.policy.js';

/** How long one pull request waits on the server for messages before the loop issues the next. */
export const FETCH_EXPIRES_MS = 30_000;

const FETCH_RETRY_POLICY = { initialDelayMs: 1_000, maxDelayMs: 30_000 };

/**
 * Pulls messages of one durable consumer and processes up to `maxInFlight` at a time.
 * Each pull request requests exactly the number of free slots, so no message waits
 * in a client buffer while its ack wait runs.
 */
export class ConsumerWorker {
  private readonly limiter: InFlightLimiter;
  private stopping = false;
  private wakeStop: () => void = () => undefined;
  private readonly stopRequested: Promise<void>;
  private batch: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly binding: ResolvedConsumerBinding,
    private readonly openConsumer: () => Promise<Consumer>,
    private readonly process: (msg: JsMsg) => Promise<void>,
    private readonly logger: Logger,
  ) {
    this.limiter = new InFlightLimiter(binding.maxInFlight);
    this.stopRequested = new Promise((resolve) => {
      this.wakeStop = resolve;
    });
  }

  get inFlight(): number {
    return this.limiter.count;
  }

  /** Starts the pull loop with a consumer that the caller has already opened once. */
  start(consumer: Consumer): void {
    this.loop = this.run(consumer);
  }

  /** Stops pulling, then waits until every message taken so far is settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeStop();
    // Messages the server sends after this point never reach a handler here, so the server delivers them again after the ack wait.
    await this.batch?.close();
    await this.loop;
    await this.limiter.waitForIdle();
  }

  private async run(initial: Consumer): Promise<void> {
    let consumer: Consumer | undefined = initial;
    let consecutiveFailures = 0;
    while (!this.stopping) {
      await Promise.race([this.limiter.waitForSlot(), this.stopRequested]);
      if (this.stopping) {
        break;
      }
      try {
        consumer ??= await this.openConsumer();
        await this.pullOnce(consumer);
        consecutiveFailures = 0;
      } catch (error) {
        if (this.stopping) {
          break;
        }
        consecutiveFailures += 1;
        // The consumer may have been deleted or the server restarted, so it is opened again before the next pull.
        consumer = undefined;
        const delayMs = retryDelayMs(consecutiveFailures, FETCH_RETRY_POLICY);
        this.logger.error({ consecutiveFailures, retryInMs: delayMs, ...errorFields(error) }, 'pulling messages failed and will be retried');
        await this.sleepUnlessStopped(delayMs);
      }
    }
  }

  private async pullOnce(consumer: Consumer): Promise<void> {
    const batch = await consumer.fetch({ max_messages: this.limiter.available, expires: FETCH_EXPIRES_MS });
    this.batch = batch;
    try {
      if (this.stopping) {
        // In @nats-io/jetstream 3.4.0 a batch finishes closing only while it is iterated, so awaiting
        // close() here would never return; the loop below drains it.
        void batch.close();
      }
      for await (const msg of batch) {
        this.limiter.acquire();
        void this.processAndRelease(msg);
      }
      // A fetch that ends on a missed heartbeat or a closed connection reports it here, not as a thrown error.
      const ended = await batch.closed();
      if (ended instanceof Error && !this.stopping) {
        throw ended;
      }
    } finally {
      this.batch = undefined;
    }
  }

  private async processAndRelease(msg: JsMsg): Promise<void> {
    try {
      await this.process(msg);
    } catch (error) {
      // process() settles the message itself. Reaching here means settling failed, so the server redelivers after the ack wait.
      this.logger.error({ subject: msg.subject, seq: msg.seq, deliveryCount: msg.info.deliveryCount, ...errorFields(error) }, 'message processing failed unexpectedly');
    } finally {
      this.limiter.release();
    }
  }

  private async sleepUnlessStopped(delayMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, delayMs);
    });
    await Promise.race([elapsed, this.stopRequested]);
    clearTimeout(timer);
  }
}
