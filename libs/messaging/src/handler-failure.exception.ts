import { RpcException } from '@nestjs/microservices';

/**
 * Carries a JetStream handler's error through Nest's exception filters unchanged.
 * Those filters replace any error that is not an RpcException with a generic
 * `Internal server error` object, which would hide the cause from the retry log.
 */
export class HandlerFailureException extends RpcException {
  override readonly name = 'HandlerFailureException';

  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }

  override getError(): this {
    return this;
  }
}
