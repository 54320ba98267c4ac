import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';
import { checkTimeRange, parseParameters, requireParameters, textParameter, timeParameter } from '../images/query-parameters.js';

/** Maximum time range of one request, in days, which bounds the rows one query reads. */
export const MAX_STATS_RANGE_DAYS = 92;
const DAY_MS = 86_400_000;

/** Validated parameters of `GET /v1/stats/labels` and of the `results.labels.stats.v1` request. */
export interface LabelStatsQuery {
  /** Start of the range of upload times, inclusive. */
  from: Date;
  /** End of the range of upload times, exclusive. */
  to: Date;
  /** Only results of this model. */
  modelId?: string;
}

const querySchema = z.object({
  from: timeParameter,
  to: timeParameter,
  modelId: textParameter(200).optional(),
});

/** Validates the raw parameters; throws `InvalidParameterError` naming the first invalid one. */
export function parseLabelStatsQuery(raw: Record<string, unknown>): LabelStatsQuery {
  requireParameters(raw, ['from', 'to']);
  const query = parseParameters(querySchema, raw);
  checkTimeRange(query.from, query.to);
  if (query.to.getTime() - query.from.getTime() > MAX_STATS_RANGE_DAYS * DAY_MS) {
    throw new InvalidParameterError('to', `must be at most ${MAX_STATS_RANGE_DAYS} days after from`);
  }
  return query;
}
