/** Injection token of the NatsConnection that MessagingModule opens. */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/** Injection token of the pino logger that MessagingModule's providers log to. */
export const MESSAGING_LOGGER = Symbol('MESSAGING_LOGGER');
