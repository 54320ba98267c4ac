import {
  AckPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type Consumer,
  type ConsumerInfo,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { millis, nanos, type NatsConnection } from '@nats-io/transport-node';

import { startPositionConfig, type StartAt } from './start-position.js';
import { DurableConflictError, StreamNotFoundError } from './subscriber.errors.js';
import type { SubscriberLogger } from './subscriber-logger.js';

/** One durable pull consumer of a subscription. */
export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  /** One subject, which may end in a wildcard. nats-server 2.9 accepts one filter per consumer. */
  filterSubject: string;
  ackWaitMs: number;
  maxDeliver: number;
  startAt: StartAt;
}

/**
 * Opens the durable consumer of a spec, creating it at `startAt` when it does not exist. An existing
 * durable keeps its position, and only its ack wait and max deliveries are brought to the spec.
 * Raises StreamNotFoundError when the stream is missing and DurableConflictError when the durable
 * exists with another filter subject or without explicit acks.
 */
export async function openDurableConsumer(nc: NatsConnection, spec: DurableConsumerSpec, logger: SubscriberLogger): Promise<Consumer> {
  const jsm = await jetstreamManager(nc);
  let existing = await consumerInfo(jsm, spec);
  if (existing === undefined) {
    try {
      await jsm.consumers.add(spec.stream, {
        durable_name: spec.durable,
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(spec.ackWaitMs),
        max_deliver: spec.maxDeliver,
        filter_subject: spec.filterSubject,
        ...startPositionConfig(spec.startAt),
      });
      logger.info({ stream: spec.stream, durable: spec.durable, filterSubject: spec.filterSubject, startAt: spec.startAt }, 'durable consumer created');
    } catch (error) {
      // Another instance may have created it first with a different start position, which the server rejects as a change.
      existing = await consumerInfo(jsm, spec);
      if (existing === undefined) {
        throw error;
      }
    }
  }
  if (existing !== undefined) {
    await adoptExisting(jsm, spec, existing, logger);
  }
  return jetstream(nc).consumers.get(spec.stream, spec.durable);
}

async function consumerInfo(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<ConsumerInfo | undefined> {
  try {
    return await jsm.consumers.info(spec.stream, spec.durable);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound) {
      return undefined;
    }
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) {
      throw new StreamNotFoundError(spec.stream, { cause: error });
    }
    throw error;
  }
}

async function adoptExisting(jsm: JetStreamManager, spec: DurableConsumerSpec, info: ConsumerInfo, logger: SubscriberLogger): Promise<void> {
  const { config } = info;
  if (config.filter_subject !== spec.filterSubject) {
    throw new DurableConflictError(spec.durable, `it filters ${JSON.stringify(config.filter_subject ?? '')}, but this subscription reads ${spec.filterSubject}`);
  }
  if (config.ack_policy !== AckPolicy.Explicit) {
    throw new DurableConflictError(spec.durable, `its ack policy is ${config.ack_policy}, but this subscription acknowledges each event explicitly`);
  }
  if (millis(config.ack_wait ?? 0) !== spec.ackWaitMs || config.max_deliver !== spec.maxDeliver) {
    try {
      await jsm.consumers.update(spec.stream, spec.durable, { ack_wait: nanos(spec.ackWaitMs), max_deliver: spec.maxDeliver });
    } catch (error) {
      if (!(error instanceof JetStreamApiError)) {
        throw error;
      }
      // The durable still works with its previous settings, so the subscription goes on.
      logger.warn(
        { durable: spec.durable, ackWaitMs: millis(config.ack_wait ?? 0), maxDeliver: config.max_deliver, err: { name: error.name, message: error.message } },
        'updating the durable consumer failed, so it keeps its previous ack wait and max deliveries',
      );
    }
  }
  logger.info({ stream: spec.stream, durable: spec.durable, numPending: info.num_pending, numAckPending: info.num_ack_pending }, 'durable consumer resumed where it left off');
}
