import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';

import { HandlerFailureException } from './handler-failure.exception.js';
import { JetStreamContext } from './jetstream.context.js';
import { PermanentJobError } from './permanent-job.error.js';

/**
 * Passes the original error of a JetStream handler to JetStreamServer, so retry logs
 * name the real cause. Without it the server still retries and terminates correctly,
 * but receives Nest's generic error for anything other than PermanentJobError.
 * MessagingModule registers it globally, and it leaves HTTP and other transports alone.
 */
@Injectable()
export class HandlerErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc' || !(context.switchToRpc().getContext() instanceof JetStreamContext)) {
      return next.handle();
    }
    return next
      .handle()
      .pipe(catchError((error: unknown) => throwError(() => (error instanceof PermanentJobError ? error : new HandlerFailureException(error)))));
  }
}
