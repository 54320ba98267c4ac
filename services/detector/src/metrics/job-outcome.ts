import { PermanentJobError, type JetStreamContext } from '@lookout/messaging';
import type { JobOutcome } from './detector-metrics.js';

/**
 * Classifies a failed delivery the way JetStreamServer settles it: a PermanentJobError ends the job
 * with its reason, any other error on the last delivery ends it as delivery_exhausted, and any other
 * error before that leads to a redelivery.
 */
export function failedJobOutcome(error: unknown, delivery: Pick<JetStreamContext, 'isLastDelivery'>): JobOutcome {
  if (error instanceof PermanentJobError) {
    return { outcome: 'failed', reason: error.code };
  }
  if (delivery.isLastDelivery) {
    return { outcome: 'failed', reason: 'delivery_exhausted' };
  }
  return { outcome: 'retried' };
}
