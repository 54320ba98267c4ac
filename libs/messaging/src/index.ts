export { connectNats, type NatsConnectionOptions } from './connect-nats.js';
export { ensureStreams, streamConfigs } from './ensure-streams.js';
export {
  DEAD_LETTER_MAX_AGE_MS,
  DEAD_LETTER_STREAM,
  DEAD_LETTER_SUBJECT_PREFIX,
  DUPLICATE_WINDOW_MS,
  STREAM_DEFINITIONS,
  STREAM_MAX_AGE_MS,
  type StreamDefinition,
} from './stream.constants.js';
export { DEAD_LETTER_HEADERS, deadLetterMessageId, deadLetterSubject, MAX_LAST_ERROR_LENGTH } from './dead-letter.headers.js';
export { EventPublisher, type PublishResult } from './event.publisher.js';
export { EventPublishError } from './event-publish.error.js';
export {
  DEFAULT_ACK_WAIT_MS,
  DEFAULT_MAX_DELIVER,
  DEFAULT_MAX_IN_FLIGHT,
  DEAD_LETTER_SPARE_DELIVERIES,
  InvalidConsumerBindingError,
  resolveConsumerBinding,
  type ConsumerBinding,
  type ResolvedConsumerBinding,
} from './consumer-binding.js';
export { consumerConfig, ensureConsumer } from './ensure-consumer.js';
export { JETSTREAM_TRANSPORT, JetStreamServer, type JetStreamServerOptions } from './jetstream.server.js';
export { JetStreamContext, type JetStreamDelivery } from './jetstream.context.js';
export { PermanentJobError } from './permanent-job.error.js';
export { HandlerNotFoundError } from './handler-not-found.error.js';
export { HandlerErrorInterceptor } from './handler-error.interceptor.js';
export { DEFAULT_RETRY_DELAY_POLICY, retryDelayMs, type RetryDelayPolicy } from './retry-delay.policy.js';
export { MessagingModule, type MessagingModuleOptions } from './messaging.module.js';
export { MESSAGING_LOGGER, NATS_CONNECTION } from './messaging.tokens.js';
