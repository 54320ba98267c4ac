export interface RetryDelayPolicy {
  /** Delay before the second delivery, in milliseconds. */
  initialDelayMs: number;
  /** Upper bound of any delay, in milliseconds. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_DELAY_POLICY: RetryDelayPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 60_000,
};

/**
 * Returns how long JetStream should wait before delivering a failed message again.
 * The delay doubles with each delivery (1 s, 2 s, 4 s ... by default) up to `maxDelayMs`.
 */
export function retryDelayMs(deliveryCount: number, policy: RetryDelayPolicy = DEFAULT_RETRY_DELAY_POLICY): number {
  if (!Number.isInteger(deliveryCount) || deliveryCount < 1) {
    throw new RangeError(`deliveryCount must be a positive integer, got ${deliveryCount}`);
  }
  // Capping the exponent keeps 2 ** n finite for very large delivery counts.
  const exponent = Math.min(deliveryCount - 1, 30);
  return Math.min(policy.initialDelayMs * 2 ** exponent, policy.maxDelayMs);
}

/** Returns what is wrong with a policy, or undefined when JetStream can use it as nak delays. */
export function retryDelayPolicyProblem(policy: RetryDelayPolicy): string | undefined {
  if (!Number.isInteger(policy.initialDelayMs) || policy.initialDelayMs < 1) {
    return `initialDelayMs must be a positive integer, got ${policy.initialDelayMs}`;
  }
  if (!Number.isInteger(policy.maxDelayMs) || policy.maxDelayMs < policy.initialDelayMs) {
    return `maxDelayMs must be an integer of at least initialDelayMs (${policy.initialDelayMs}), got ${policy.maxDelayMs}`;
  }
  return undefined;
}
