/** Delays between the deliveries of an event whose handler failed. */
export interface RetryDelay {
  /** Delay before the second delivery, in milliseconds. */
  initialDelayMs: number;
  /** Upper bound of any delay, in milliseconds. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_DELAY: RetryDelay = { initialDelayMs: 1_000, maxDelayMs: 60_000 };

/** Returns the delay before the next delivery: initialDelayMs, doubled on each delivery, capped at maxDelayMs. */
export function retryDelayMs(deliveryCount: number, policy: RetryDelay): number {
  // Capping the exponent keeps 2 ** n finite for very large delivery counts.
  const exponent = Math.min(Math.max(deliveryCount - 1, 0), 30);
  return Math.min(policy.initialDelayMs * 2 ** exponent, policy.maxDelayMs);
}
