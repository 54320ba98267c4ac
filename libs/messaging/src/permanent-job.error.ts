import { RpcException } from '@nestjs/microservices';

/**
 * Thrown by a JetStream handler when retrying cannot help (the image is gone, the
 * payload cannot be decoded). The message is terminated instead of redelivered.
 *
 * It extends RpcException because Nest's default exception filter replaces any
 * other error with a generic `{ status, message }` object before the transport receives
 * it, and `getError()` returning the error itself lets it reach the server intact.
 */
export class PermanentJobError extends RpcException {
  override readonly name = 'PermanentJobError';

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message);
    if (options?.cause !== undefined) {
      this.cause = options.cause;
    }
  }

  override getError(): this {
    return this;
  }
}
