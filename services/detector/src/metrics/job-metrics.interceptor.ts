import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { JetStreamContext } from '@lookout/messaging';
import { tap, type Observable } from 'rxjs';
import { DetectorMetrics } from './detector-metrics.js';
import { failedJobOutcome } from './job-outcome.js';

/** Counts each delivery of a detection job handler by outcome and times it, without touching the job code. */
@Injectable()
export class JobMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: DetectorMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const delivery = context.switchToRpc().getContext<JetStreamContext>();
    const finish = this.metrics.startJob();
    return next.handle().pipe(
      tap({
        complete: () => finish({ outcome: 'completed' }),
        error: (error: unknown) => finish(failedJobOutcome(error, delivery)),
        // An observable unsubscribed before it settles has no outcome, but the job is no longer in flight.
        finalize: () => finish(),
      }),
    );
  }
}
