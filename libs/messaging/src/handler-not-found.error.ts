/** Raised when a consumer delivers a subject that no `@EventPattern` handler is registered for. */
export class HandlerNotFoundError extends Error {
  readonly code = 'handler_not_found';

  constructor(readonly eventSubject: string) {
    super(`No @EventPattern handler is registered for ${eventSubject}. Register one or narrow the consumer's filter subject.`);
    this.name = 'HandlerNotFoundError';
  }
}
