/** Raised by subscribeToDetections and subscribeToCompleted for an option they cannot use. */
export class InvalidSubscriptionOptionsError extends Error {
  readonly code = 'invalid_subscription_options';

  constructor(
    readonly option: string,
    problem: string,
  ) {
    super(`Invalid subscription option ${option}: ${problem}`);
    this.name = 'InvalidSubscriptionOptionsError';
  }
}

/** Raised when the stream a subscription reads does not exist on the server yet. */
export class StreamNotFoundError extends Error {
  readonly code = 'stream_not_found';

  constructor(
    readonly stream: string,
    options?: { cause?: unknown },
  ) {
    super(`Stream ${stream} not found. The Lookout services create it when they start, so start them first.`, options);
    this.name = 'StreamNotFoundError';
  }
}

/** Raised when a durable consumer of that name exists with settings a subscription cannot take over. */
export class DurableConflictError extends Error {
  readonly code = 'durable_conflict';

  constructor(
    readonly durable: string,
    problem: string,
  ) {
    super(`Durable consumer ${durable} cannot be used: ${problem}. Choose another durable name or delete the consumer.`);
    this.name = 'DurableConflictError';
  }
}
