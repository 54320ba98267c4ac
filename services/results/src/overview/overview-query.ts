import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';
import { checkTimeRange, parseParameters, timeParameter } from '../images/query-parameters.js';
import { MAX_STATS_RANGE_DAYS } from '../stats/label-stats-query.js';

const DAY_MS = 86_400_000;
/** Range covered when the request names neither end. */
export const DEFAULT_OVERVIEW_RANGE_MS = DAY_MS;

/** Validated parameters of `GET /v1/stats/overview`: a range of upload times, `from` inclusive, `to` exclusive. */
export interface OverviewQuery {
  from: Date;
  to: Date;
}

const querySchema = z.object({
  from: timeParameter.optional(),
  to: timeParameter.optional(),
});

/**
 * Validates the raw parameters and fills the open ends: `to` defaults to `now` and `from` to 24 hours
 * before `to`. Throws `InvalidParameterError` naming the first invalid parameter.
 */
export function parseOverviewQuery(raw: Record<string, unknown>, now: Date): OverviewQuery {
  const query = parseParameters(querySchema, raw);
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - DEFAULT_OVERVIEW_RANGE_MS);
  checkTimeRange(from, to);
  if (to.getTime() - from.getTime() > MAX_STATS_RANGE_DAYS * DAY_MS) {
    throw new InvalidParameterError('to', `must be at most ${MAX_STATS_RANGE_DAYS} days after from`);
  }
  return { from, to };
}
