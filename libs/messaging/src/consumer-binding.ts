import { DEFAULT_RETRY_DELAY_POLICY, retryDelayPolicyProblem, type RetryDelayPolicy } from './retry-delay.policy.js';

/** One durable pull consumer that a JetStreamServer reads from. */
export interface ConsumerBinding {
  stream: string;
  /** Durable consumer name, shared by every replica of a service so they split the work. */
  durable: string;
  /**
   * Subject filter of the consumer: one subject such as `images.uploaded.v1`, or a
   * wildcard such as `detections.>`. NATS 2.9 accepts only one filter per consumer.
   */
  filterSubject: string;
  /** Time the server waits for an ack before delivering again. Default 30 000 ms. */
  ackWaitMs?: number;
  /**
   * Deliveries of one message before a failing message moves to the DEAD_LETTERS stream. Default 5.
   * The consumer's server-side `max_deliver` is one higher (see DEAD_LETTER_SPARE_DELIVERIES).
   */
  maxDeliver?: number;
  /** Messages of this consumer processed at once by one process. Default 4. */
  maxInFlight?: number;
  /** Delays between the deliveries of a failing message. Default DEFAULT_RETRY_DELAY_POLICY (1 s doubling to 60 s). */
  retryDelay?: RetryDelayPolicy;
}

export type ResolvedConsumerBinding = Required<ConsumerBinding>;

export const DEFAULT_ACK_WAIT_MS = 30_000;
export const DEFAULT_MAX_DELIVER = 5;
export const DEFAULT_MAX_IN_FLIGHT = 4;

/**
 * Deliveries the server allows beyond `maxDeliver`. A process that stops during the last delivery
 * (before it has moved the message to the dead-letter stream and terminated it) leaves the message
 * unsettled, and only a further delivery can finish the move.
 */
export const DEAD_LETTER_SPARE_DELIVERIES = 1;

// NATS names may not contain whitespace, `.`, `*`, `>` or path separators.
const NATS_NAME = /^[^\s.*>/\\]+$/;

/** Raised at start-up for a binding the server could not create a consumer from. */
export class InvalidConsumerBindingError extends Error {
  readonly code = 'invalid_consumer_binding';

  constructor(
    readonly durable: string,
    problem: string,
  ) {
    super(`Invalid consumer binding ${JSON.stringify(durable)}: ${problem}`);
    this.name = 'InvalidConsumerBindingError';
  }
}

/** Fills in defaults and checks the values the server would otherwise reject later. */
export function resolveConsumerBinding(binding: ConsumerBinding): ResolvedConsumerBinding {
  const resolved: ResolvedConsumerBinding = {
    ackWaitMs: DEFAULT_ACK_WAIT_MS,
    maxDeliver: DEFAULT_MAX_DELIVER,
    maxInFlight: DEFAULT_MAX_IN_FLIGHT,
    retryDelay: DEFAULT_RETRY_DELAY_POLICY,
    ...withoutUndefined(binding),
  };

  if (!NATS_NAME.test(resolved.stream)) {
    throw new InvalidConsumerBindingError(resolved.durable, `stream name ${JSON.stringify(resolved.stream)} is not a valid NATS name`);
  }
  if (!NATS_NAME.test(resolved.durable)) {
    throw new InvalidConsumerBindingError(resolved.durable, 'durable name must not be empty or contain whitespace, ".", "*", ">" or slashes');
  }
  if (resolved.filterSubject.trim() === '' || /\s/.test(resolved.filterSubject)) {
    throw new InvalidConsumerBindingError(resolved.durable, 'filterSubject must be a subject without whitespace');
  }
  // The transport signals progress every half ack wait, which would flood the server below one second.
  if (!Number.isInteger(resolved.ackWaitMs) || resolved.ackWaitMs < 1_000) {
    throw new InvalidConsumerBindingError(resolved.durable, `ackWaitMs must be an integer of at least 1000, got ${resolved.ackWaitMs}`);
  }
  if (!Number.isInteger(resolved.maxDeliver) || resolved.maxDeliver < 1) {
    throw new InvalidConsumerBindingError(resolved.durable, `maxDeliver must be a positive integer, got ${resolved.maxDeliver}`);
  }
  if (!Number.isInteger(resolved.maxInFlight) || resolved.maxInFlight < 1) {
    throw new InvalidConsumerBindingError(resolved.durable, `maxInFlight must be a positive integer, got ${resolved.maxInFlight}`);
  }
  const retryDelayProblem = retryDelayPolicyProblem(resolved.retryDelay);
  if (retryDelayProblem !== undefined) {
    throw new InvalidConsumerBindingError(resolved.durable, `retryDelay.${retryDelayProblem}`);
  }
  return resolved;
}

function withoutUndefined(binding: ConsumerBinding): ConsumerBinding {
  return Object.fromEntries(Object.entries(binding).filter(([, value]) => value !== undefined)) as unknown as ConsumerBinding;
}
