import type { CloudEvent, DetectionFoundV1, DetectionsCompletedV1 } from '@lookout/contracts';

import { DEFAULT_RETRY_DELAY, type RetryDelay } from './retry-delay.js';
import type { StartAt } from './start-position.js';
import { InvalidSubscriptionOptionsError } from './subscriber.errors.js';
import { stderrLogger, type SubscriberLogger } from './subscriber-logger.js';

/** Facts about one delivery of an event, passed to the handler beside the event. */
export interface DeliveryInfo {
  /** NATS subject the event was published on, such as `detections.found.v1.person`. */
  subject: string;
  stream: string;
  /** Durable consumer that delivered the event. */
  durable: string;
  /** Position of the event in its stream, usable as `startAt: { sequence }`. */
  streamSequence: number;
  /** 1 on the first delivery, 2 on the first redelivery, and so on. */
  deliveryCount: number;
  maxDeliver: number;
  /** True when a failure on this delivery terminates the event instead of scheduling another delivery. */
  isLastDelivery: boolean;
  /** Time the stream stored the event. */
  storedAt: Date;
}

/**
 * Function that processes one event. The event is acknowledged once the returned promise resolves.
 * A throw or rejection schedules another delivery after a growing delay, up to `maxDeliver` deliveries.
 */
export type EventHandler<T> = (event: CloudEvent<T>, info: DeliveryInfo) => Promise<void> | void;

/** Options shared by subscribeToDetections and subscribeToCompleted. */
export interface SubscriptionOptions<T> {
  /** NATS server URL or URLs, for example `nats://127.0.0.1:4222`. */
  servers: string | string[];
  /**
   * Durable consumer name of this service: letters, digits, `-` and `_`. Every instance that uses
   * the same name shares the work, and the server keeps the position across restarts.
   */
  durable: string;
  handler: EventHandler<T>;
  /** Events whose score is below this value (0 to 1) are acknowledged without calling the handler. */
  minScore?: number;
  /** Start position of a durable that does not exist yet. Default `'new'`. */
  startAt?: StartAt;
  /** Deliveries of one event before a failing event is terminated and logged. Default 5. */
  maxDeliver?: number;
  /** Time the server waits for an acknowledgement before it delivers the event again, in ms. Default 30 000. */
  ackWaitMs?: number;
  /** Events handled at once by this process, per durable consumer. Default 1, which keeps stream order except for redeliveries. */
  maxInFlight?: number;
  /** Delays between the deliveries of a failing event. Default 1 s, doubling up to 60 s. */
  retryDelay?: RetryDelay;
  /** Client name shown by the server's monitoring endpoints. Default the durable name. */
  name?: string;
  /** Default: warnings and errors as JSON lines on stderr. */
  logger?: SubscriberLogger;
}

/** Options of subscribeToDetections: per-label detections.found.v1 events. */
export interface DetectionSubscriptionOptions extends SubscriptionOptions<DetectionFoundV1> {
  /**
   * Labels to receive, filtered by the server. All labels when omitted. `minScore` applies to the
   * event's `maxScore`, the highest score among that label's boxes.
   */
  labels?: string[];
}

/**
 * Options of subscribeToCompleted: one detections.completed.v1 event per image. `minScore` skips an
 * event unless at least one of its detections scores at or above it, so an image without detections
 * is skipped as well.
 */
export type CompletedSubscriptionOptions = SubscriptionOptions<DetectionsCompletedV1>;

export type ResolvedSubscriptionOptions<T> = Required<Omit<SubscriptionOptions<T>, 'minScore'>> & { minScore: number | undefined };

export const DEFAULT_MAX_DELIVER = 5;
export const DEFAULT_ACK_WAIT_MS = 30_000;
export const DEFAULT_MAX_IN_FLIGHT = 1;

// Durable names become part of NATS API subjects, and `<durable>-<label token>` must stay a valid name.
const DURABLE_NAME = /^[A-Za-z0-9_-]+$/;

/** Fills in defaults and checks every option, raising InvalidSubscriptionOptionsError for the first invalid one. */
export function resolveSubscriptionOptions<T>(options: SubscriptionOptions<T>): ResolvedSubscriptionOptions<T> {
  const servers = typeof options.servers === 'string' ? [options.servers] : options.servers;

  if (!Array.isArray(servers) || servers.length === 0 || servers.some((server) => typeof server !== 'string' || server.trim() === '')) {
    throw new InvalidSubscriptionOptionsError('servers', 'expected a NATS URL such as nats://127.0.0.1:4222, or a non-empty list of them');
  }
  if (typeof options.durable !== 'string' || !DURABLE_NAME.test(options.durable)) {
    throw new InvalidSubscriptionOptionsError('durable', `expected letters, digits, "-" and "_" only, got ${JSON.stringify(options.durable)}`);
  }
  if (typeof options.handler !== 'function') {
    throw new InvalidSubscriptionOptionsError('handler', 'expected a function that processes one event');
  }
  const { minScore } = options;
  if (minScore !== undefined && !(typeof minScore === 'number' && minScore >= 0 && minScore <= 1)) {
    throw new InvalidSubscriptionOptionsError('minScore', `expected a number from 0 to 1, got ${String(minScore)}`);
  }

  const resolved: ResolvedSubscriptionOptions<T> = {
    servers,
    durable: options.durable,
    handler: options.handler,
    minScore,
    startAt: options.startAt ?? 'new',
    maxDeliver: options.maxDeliver ?? DEFAULT_MAX_DELIVER,
    ackWaitMs: options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS,
    maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    retryDelay: options.retryDelay ?? DEFAULT_RETRY_DELAY,
    name: options.name ?? options.durable,
    logger: options.logger ?? stderrLogger,
  };

  checkStartAt(resolved.startAt);
  checkInteger('maxDeliver', resolved.maxDeliver, 1);
  // A handler signals progress every half ack wait, which would flood the server below one second.
  checkInteger('ackWaitMs', resolved.ackWaitMs, 1_000);
  checkInteger('maxInFlight', resolved.maxInFlight, 1);
  checkInteger('retryDelay.initialDelayMs', resolved.retryDelay.initialDelayMs, 1);
  checkInteger('retryDelay.maxDelayMs', resolved.retryDelay.maxDelayMs, resolved.retryDelay.initialDelayMs);
  return resolved;
}

/** Checks the labels option and returns the labels, or undefined for every label. */
export function resolveLabels(labels: string[] | undefined): string[] | undefined {
  if (labels === undefined) {
    return undefined;
  }
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new InvalidSubscriptionOptionsError('labels', 'expected at least one label, or omit the option to receive every label');
  }
  const invalid = labels.find((label) => typeof label !== 'string' || label.trim() === '');
  if (invalid !== undefined) {
    throw new InvalidSubscriptionOptionsError('labels', `expected non-empty strings, got ${JSON.stringify(invalid)}`);
  }
  return labels;
}

function checkStartAt(startAt: StartAt): void {
  if (startAt === 'new' || startAt === 'all') {
    return;
  }
  if (typeof startAt === 'object' && startAt !== null && 'sequence' in startAt) {
    checkInteger('startAt.sequence', startAt.sequence, 1);
    return;
  }
  if (typeof startAt === 'object' && startAt !== null && 'time' in startAt && startAt.time instanceof Date && !Number.isNaN(startAt.time.getTime())) {
    return;
  }
  throw new InvalidSubscriptionOptionsError('startAt', `expected 'new', 'all', { sequence: number } or { time: Date }, got ${JSON.stringify(startAt)}`);
}

function checkInteger(option: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new InvalidSubscriptionOptionsError(option, `expected an integer of at least ${minimum}, got ${String(value)}`);
  }
}
