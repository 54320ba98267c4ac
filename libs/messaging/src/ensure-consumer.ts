import { AckPolicy, DeliverPolicy, JetStreamApiError, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

import { DEAD_LETTER_SPARE_DELIVERIES, type ResolvedConsumerBinding } from './consumer-binding.js';

// JetStream API error code for "consumer already exists", returned when a create would change an existing consumer.
const CONSUMER_ALREADY_EXISTS = 10148;

/** Returns the durable pull consumer configuration of a binding. */
export function consumerConfig(binding: ResolvedConsumerBinding): Partial<ConsumerConfig> {
  return {
    durable_name: binding.durable,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(binding.ackWaitMs),
    max_deliver: binding.maxDeliver + DEAD_LETTER_SPARE_DELIVERIES,
    filter_subject: binding.filterSubject,
    // A consumer created after events were published still receives them.
    deliver_policy: DeliverPolicy.All,
  };
}

/**
 * Creates the durable consumer, or brings an existing one to the binding's settings.
 * Replicas that start together may all call this, because an identical create is a no-op.
 * nats-server 2.9.10 updates an existing durable on create. Servers that reject such a
 * create with "consumer already exists" get an explicit update instead.
 */
export async function ensureConsumer(jsm: JetStreamManager, binding: ResolvedConsumerBinding): Promise<void> {
  const config = consumerConfig(binding);
  try {
    await jsm.consumers.add(binding.stream, config);
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== CONSUMER_ALREADY_EXISTS) {
      throw error;
    }
    // NOTE: only nats-server 2.9.10 was available for tests, so this update path has not run against a server.
    await jsm.consumers.update(binding.stream, binding.durable, {
      ack_wait: config.ack_wait,
      max_deliver: config.max_deliver,
      filter_subject: config.filter_subject,
    });
  }
}
