export { subscribeToCompleted, subscribeToDetections } from './subscribe.js';
export type { Subscription } from './subscription.js';
export {
  DEFAULT_ACK_WAIT_MS,
  DEFAULT_MAX_DELIVER,
  DEFAULT_MAX_IN_FLIGHT,
  type CompletedSubscriptionOptions,
  type DeliveryInfo,
  type DetectionSubscriptionOptions,
  type EventHandler,
  type SubscriptionOptions,
} from './subscription-options.js';
export type { StartAt } from './start-position.js';
export { DEFAULT_RETRY_DELAY, type RetryDelay } from './retry-delay.js';
export { createStderrLogger, stderrLogger, type LogLevel, type SubscriberLogger } from './subscriber-logger.js';
export { DurableConflictError, InvalidSubscriptionOptionsError, StreamNotFoundError } from './subscriber.errors.js';
export type { CloudEvent, DetectionFoundV1, DetectionsCompletedV1 } from '@lookout/contracts';
