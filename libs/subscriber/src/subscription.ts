import { connect, type NatsConnection } from '@nats-io/transport-node';

import { openDurableConsumer, type DurableConsumerSpec } from './durable-consumer.js';
import type { EventKind } from './event-kind.js';
import { EventProcessor } from './event.processor.js';
import { PullWorker } from './pull.worker.js';
import { errorFields, type SubscriberLogger } from './subscriber-logger.js';
import type { ResolvedSubscriptionOptions } from './subscription-options.js';

/** A running subscription. Call stop() before the process exits so that no handler is cut off. */
export interface Subscription {
  /** The durable consumers this subscription reads: one per label, or one for every label. */
  readonly durables: readonly string[];
  /** Stops pulling, waits for the handlers still running, then drains and closes the connection. */
  stop(): Promise<void>;
}

/** Connects, opens one durable consumer per spec and starts a pull worker on each. */
export async function startSubscription<T>(
  kind: EventKind<T>,
  options: ResolvedSubscriptionOptions<T>,
  specs: DurableConsumerSpec[],
): Promise<Subscription> {
  const { logger } = options;
  const nc = await connect({ servers: options.servers, name: options.name, maxReconnectAttempts: -1 });
  void logConnectionChanges(nc, logger);

  const workers: PullWorker[] = [];
  try {
    for (const spec of specs) {
      const consumer = await openDurableConsumer(nc, spec, logger);
      const processor = new EventProcessor(kind, options, spec.durable);
      const worker = new PullWorker(
        spec.durable,
        options.maxInFlight,
        () => openDurableConsumer(nc, spec, logger),
        (msg) => processor.process(msg),
        logger,
      );
      worker.start(consumer);
      workers.push(worker);
    }
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.stop()));
    await nc.close();
    throw error;
  }

  const durables = specs.map((spec) => spec.durable);
  logger.info({ durables, filterSubjects: specs.map((spec) => spec.filterSubject), maxInFlight: options.maxInFlight }, 'subscription started');
  return new PullSubscription(nc, workers, durables, logger);
}

class PullSubscription implements Subscription {
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly workers: PullWorker[],
    readonly durables: readonly string[],
    private readonly logger: SubscriberLogger,
  ) {}

  stop(): Promise<void> {
    this.stopping ??= this.stopOnce();
    return this.stopping;
  }

  private async stopOnce(): Promise<void> {
    const inFlight = this.workers.reduce((sum, worker) => sum + worker.inFlight, 0);
    this.logger.info({ durables: this.durables, inFlight }, 'subscription stopping and waiting for running handlers');
    await Promise.all(this.workers.map((worker) => worker.stop()));
    // drain() flushes the last acknowledgements before it closes the connection.
    if (!this.nc.isClosed()) {
      await this.nc.drain();
    }
    this.logger.info({ durables: this.durables }, 'subscription stopped');
  }
}

async function logConnectionChanges(nc: NatsConnection, logger: SubscriberLogger): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect') {
      logger.warn({ natsServer: status.server }, 'disconnected from NATS and reconnecting');
    } else if (status.type === 'reconnect') {
      logger.info({ natsServer: status.server }, 'reconnected to NATS');
    } else if (status.type === 'error') {
      logger.error(errorFields(status.error), 'NATS connection error');
    }
  }
}
