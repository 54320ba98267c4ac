/** Upper bound of the delay between two attempts of one delivery. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1_000;

/** Returns the delay after failed attempt `attempt` (1-based): base, 2 × base, 4 × base … capped at one hour. */
export function deliveryRetryDelayMs(attempt: number, baseMs: number): number {
  // Capping the exponent keeps 2 ** n finite for any attempt count.
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, MAX_RETRY_DELAY_MS);
}
