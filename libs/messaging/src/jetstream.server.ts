import type { CloudEvent, Subject } from '@lookout/contracts';
import { errorFields, type Logger } from '@lookout/runtime';
import { jetstream, jetstreamManager, type Consumer } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';

import { connectNats } from './connect-nats.js';
import { resolveConsumerBinding, type ConsumerBinding, type ResolvedConsumerBinding } from './consumer-binding.js';
import { ConsumerWorker } from './consumer.worker.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { ensureConsumer } from './ensure-consumer.js';
import { ensureStreams } from './ensure-streams.js';
import { HandlerFailureException } from './handler-failure.exception.js';
import { HandlerNotFoundError } from './handler-not-found.error.js';
import type { JetStreamContext } from './jetstream.context.js';

/** Transport id of JetStreamServer, for `@EventPattern(subject, JETSTREAM_TRANSPORT)`. */
export const JETSTREAM_TRANSPORT = Symbol('JETSTREAM_TRANSPORT');

export interface JetStreamServerOptions {
  url: string;
  /** Client name of the connection, usually the service name. */
  name: string;
  consumers: ConsumerBinding[];
  logger: Logger;
}

/**
 * A Nest transport strategy that delivers `@EventPattern` handlers from durable
 * JetStream pull consumers, so events published while a service is down are
 * processed when it comes back. Delivery is at least once: a message is acked
 * only after its handler has finished. A message whose handler fails on every
 * delivery the binding allows is copied to the DEAD_LETTERS stream and terminated.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  override readonly transportId = JETSTREAM_TRANSPORT;
  // The server awaits each handler and logs its failure itself.
  override readonly propagatesEventHandlerErrors = true;

  private readonly eventLogger: Logger;
  private connection: NatsConnection | undefined;
  private workers: ConsumerWorker[] = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly options: JetStreamServerOptions) {
    super();
    this.eventLogger = options.logger.child({ component: 'JetStreamServer' });
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      this.eventLogger.error(errorFields(error), 'JetStream server failed to start');
      await this.connection?.close();
      this.connection = undefined;
      callback(error);
      return;
    }
    callback();
  }

  /** Stops pulling, waits for the handlers still running, then drains the connection. */
  close(): Promise<void> {
    this.closing ??= this.stop();
    return this.closing;
  }

  on(): never {
    throw new Error('JetStreamServer does not emit events. Watch its logs instead.');
  }

  unwrap<T>(): T {
    if (this.connection === undefined) {
      throw new Error('JetStreamServer is not listening. Call listen() or startAllMicroservices() first.');
    }
    return this.connection as T;
  }

  private async start(): Promise<void> {
    // Bindings are checked before connecting so a configuration mistake fails fast with its own message.
    const bindings = this.options.consumers.map(resolveConsumerBinding);
    const nc = await connectNats({ url: this.options.url, name: this.options.name, logger: this.eventLogger });
    this.connection = nc;
    await ensureStreams(nc);

    const started: Array<{ worker: ConsumerWorker; consumer: Consumer }> = [];
    for (const binding of bindings) {
      started.push(await this.createWorker(nc, binding));
    }

    for (const { worker, consumer } of started) {
      worker.start(consumer);
      this.workers.push(worker);
    }
    this.eventLogger.info(
      {
        consumers: bindings.map(({ stream, durable, filterSubject, maxInFlight, maxDeliver, retryDelay }) => ({
          stream,
          durable,
          filterSubject,
          maxInFlight,
          maxDeliver,
          retryDelay,
        })),
      },
      'JetStream server started',
    );
  }

  /** Creates the binding's consumer and a worker for it, without starting the worker. */
  private async createWorker(nc: NatsConnection, binding: ResolvedConsumerBinding): Promise<{ worker: ConsumerWorker; consumer: Consumer }> {
    const logger = this.eventLogger.child({ stream: binding.stream, durable: binding.durable });
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    const openConsumer = async (): Promise<Consumer> => {
      await ensureConsumer(jsm, binding);
      return js.consumers.get(binding.stream, binding.durable);
    };
    // The worker reopens the consumer after a failed pull. A server restarted without its store has lost the streams as well, so they are ensured first.
    const reopenConsumer = async (): Promise<Consumer> => {
      await ensureStreams(nc);
      return openConsumer();
    };

    const dispatch = (subject: Subject, event: CloudEvent<unknown>, context: JetStreamContext) => this.dispatch(subject, event, context);
    const processor = new DeliveryProcessor(binding, dispatch, new DeadLetterPublisher(js), logger);
    const worker = new ConsumerWorker(binding, reopenConsumer, (msg) => processor.process(msg), logger);
    const consumer = await openConsumer();
    this.warnIfUnhandled(binding, logger);
    return { worker, consumer };
  }

  private async stop(): Promise<void> {
    const nc = this.connection;
    if (nc === undefined) {
      return;
    }
    const inFlight = this.workers.reduce((sum, worker) => sum + worker.inFlight, 0);
    this.eventLogger.info({ inFlight }, 'JetStream server stopping and waiting for running handlers');
    await Promise.all(this.workers.map((worker) => worker.stop()));
    this.workers = [];
    // drain() flushes the last acks before closing the connection.
    if (!nc.isClosed()) {
      await nc.drain();
    }
    this.connection = undefined;
    this.eventLogger.info('JetStream server stopped');
  }

  private async dispatch(subject: Subject, event: CloudEvent<unknown>, context: JetStreamContext): Promise<void> {
    const handler = this.getHandlerByPattern(subject);
    if (handler === null) {
      throw new HandlerNotFoundError(subject);
    }
    try {
      // Nest returns a promise of the handler's value, or an observable when interceptors or filters ran.
      const result: unknown = await handler(event, context);
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    } catch (error) {
      throw handlerCause(error);
    }
  }

  private warnIfUnhandled(binding: ResolvedConsumerBinding, logger: Logger): void {
    const isWildcard = binding.filterSubject.includes('*') || binding.filterSubject.includes('>');
    if (!isWildcard && this.getHandlerByPattern(binding.filterSubject) === null) {
      logger.warn({ filterSubject: binding.filterSubject }, 'no @EventPattern handler matches the consumer subject, so its messages fail until one is registered');
    }
  }
}

/** Recovers the error the handler threw from what Nest's exception layer passed on. */
function handlerCause(error: unknown): unknown {
  if (error instanceof HandlerFailureException) {
    return error.cause;
  }
  if (error instanceof Error) {
    return error;
  }
  // Nest's default exception filter emits a plain { status, message } object.
  const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return new Error(`handler failed: ${message}`);
}
