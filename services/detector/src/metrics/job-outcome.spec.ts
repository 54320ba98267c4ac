import { describe, expect, it } from '@jest/globals';
import { PermanentJobError } from '@lookout/messaging';
import { failedJobOutcome } from './job-outcome.js';

describe('failedJobOutcome', () => {
  it('uses the code of a permanent failure', () => {
    expect(failedJobOutcome(new PermanentJobError('decode_failed', 'not an image'), { isLastDelivery: false })).toEqual({ outcome: 'failed', reason: 'decode_failed' });
  });

  it('counts a transient error before the last delivery as retried', () => {
    expect(failedJobOutcome(new Error('S3 unreachable'), { isLastDelivery: false })).toEqual({ outcome: 'retried' });
  });

  it('counts a transient error on the last delivery as exhausted', () => {
    expect(failedJobOutcome(new Error('S3 unreachable'), { isLastDelivery: true })).toEqual({ outcome: 'failed', reason: 'delivery_exhausted' });
  });
});
