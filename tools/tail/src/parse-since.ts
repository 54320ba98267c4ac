const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+)(ms|s|m|h|d)$/;
// An ISO 8601 date, optionally with a time and an offset. Date.parse alone would also accept loose formats such as "12/04".
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Raised for a command-line value the tail cannot use. */
export class InvalidTailArgumentError extends Error {
  readonly code = 'invalid_argument';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidTailArgumentError';
  }
}

/**
 * Returns the time a `--since` value names: a duration back from `now` (`90s`, `10m`, `2h`, `1d`)
 * or an ISO 8601 time such as `2026-12-04T10:00:00Z`.
 */
export function parseSince(value: string, now: Date): Date {
  const duration = DURATION.exec(value);
  if (duration !== null) {
    return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]!]!);
  }
  const time = ISO_TIME.test(value) ? new Date(value) : undefined;
  if (time === undefined || Number.isNaN(time.getTime())) {
    throw new InvalidTailArgumentError(`Invalid --since ${JSON.stringify(value)}: expected a duration such as 10m, 2h or 1d, or an ISO 8601 time such as 2026-12-04T10:00:00Z`);
  }
  return time;
}
