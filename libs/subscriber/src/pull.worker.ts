import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';

import { InFlightSlots } from './in-flight-slots.js';
import { retryDelayMs } from './retry-delay.js';
import { errorFields, type SubscriberLogger } from './subscriber-logger.js';

/** How long one pull request waits on the server for events before the worker issues the next. */
export const FETCH_EXPIRES_MS = 30_000;

const FETCH_RETRY_DELAY = { initialDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Pulls the events of one durable consumer and handles up to `maxInFlight` at a time. Each pull
 * requests exactly the number of free slots, so no event waits in a client buffer while its ack
 * wait runs.
 */
export class PullWorker {
  private readonly slots: InFlightSlots;
  private stopping = false;
  private wakeStop: () => void = () => undefined;
  private readonly stopRequested: Promise<void>;
  private batch: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    readonly durable: string,
    maxInFlight: number,
    private readonly reopenConsumer: () => Promise<Consumer>,
    private readonly process: (msg: JsMsg) => Promise<void>,
    private readonly logger: SubscriberLogger,
  ) {
    this.slots = new InFlightSlots(maxInFlight);
    this.stopRequested = new Promise((resolve) => {
      this.wakeStop = resolve;
    });
  }

  get inFlight(): number {
    return this.slots.count;
  }

  start(consumer: Consumer): void {
    this.loop = this.run(consumer);
  }

  /** Stops pulling, then waits until every event taken so far is settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeStop();
    // close() settles only once the batch is iterated, which the loop does, so the loop is what stop() awaits.
    void this.batch?.close();
    await this.loop;
    await this.slots.waitForIdle();
  }

  private async run(initial: Consumer): Promise<void> {
    let consumer: Consumer | undefined = initial;
    let consecutiveFailures = 0;
    while (!this.stopping) {
      await Promise.race([this.slots.waitForSlot(), this.stopRequested]);
      if (this.stopping) {
        break;
      }
      try {
        consumer ??= await this.reopenConsumer();
        await this.pullOnce(consumer);
        consecutiveFailures = 0;
      } catch (error) {
        if (this.stopping) {
          break;
        }
        consecutiveFailures += 1;
        // The consumer may have been deleted or the server restarted, so it is opened again before the next pull.
        consumer = undefined;
        const retryInMs = retryDelayMs(consecutiveFailures, FETCH_RETRY_DELAY);
        this.logger.error({ durable: this.durable, consecutiveFailures, retryInMs, ...errorFields(error) }, 'pulling events failed and will be retried');
        await Promise.race([new Promise((resolve) => setTimeout(resolve, retryInMs)), this.stopRequested]);
      }
    }
  }

  private async pullOnce(consumer: Consumer): Promise<void> {
    const batch = await consumer.fetch({ max_messages: this.slots.available, expires: FETCH_EXPIRES_MS });
    this.batch = batch;
    try {
      if (this.stopping) {
        // In @nats-io/jetstream 3.4.0 a batch finishes closing only while it is iterated, so awaiting close() before the loop below would never settle.
        void batch.close();
      }
      for await (const msg of batch) {
        if (this.stopping) {
          // Handing the event back at once lets another instance, or this durable after a restart, take it without waiting for the ack wait.
          msg.nak();
          continue;
        }
        this.slots.acquire();
        void this.processAndRelease(msg);
      }
      // A fetch that ends on missed heartbeats or a closed connection reports it here, not as a thrown error.
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
      // process() settles the event itself. Reaching here means settling failed, so the server delivers it again after the ack wait.
      this.logger.error({ durable: this.durable, subject: msg.subject, seq: msg.seq, ...errorFields(error) }, 'settling an event failed');
    } finally {
      this.slots.release();
    }
  }
}
