import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';
import { IMAGE_STATUSES } from './image.entity.js';

const MAX_TEXT_LENGTH = 100;
const SCORE_PATTERN = /^(0(\.\d+)?|1(\.0+)?|0?\.\d+)$/;
const INTEGER_PATTERN = /^\d{1,6}$/;
const TIME_PROBLEM = 'must be an ISO 8601 time with a UTC offset, such as 2025-12-04T10:00:00Z';

/** Builds the schema of a trimmed, non-empty text parameter. */
export function textParameter(maxLength = MAX_TEXT_LENGTH) {
  return z.string().trim().min(1, 'must not be empty').max(maxLength, `must be at most ${maxLength} characters`);
}

/**
 * Builds the schema of a number given as query text (`"0.5"`) or as a JSON number, the form NATS requests use.
 * Exponents, signs and spaces in text are rejected, so only plain decimals reach `Number()`.
 */
function numberParameter(pattern: RegExp, problem: string) {
  return z.unknown().transform((value, context) => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      return value;
    }
    if (typeof value === 'string' && pattern.test(value)) {
      return Number(value);
    }
    context.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });
}

/** A detection score from 0 to 1. */
export const scoreParameter = numberParameter(SCORE_PATTERN, 'must be a number from 0 to 1').pipe(
  z.number().min(0, 'must be a number from 0 to 1').max(1, 'must be a number from 0 to 1'),
);

/** Builds the schema of an integer from `min` to `max`. */
export function integerParameter(min: number, max: number) {
  const problem = `must be an integer from ${min} to ${max}`;
  return numberParameter(INTEGER_PATTERN, problem).pipe(z.number().int(problem).min(min, problem).max(max, problem));
}

/** An ISO 8601 date and time with `Z` or a numeric UTC offset. */
export const timeParameter = z.iso.datetime({ offset: true, error: TIME_PROBLEM }).transform((text) => new Date(text));

export const statusParameter = z.enum(IMAGE_STATUSES, { error: `must be one of ${IMAGE_STATUSES.join(', ')}` });

/**
 * Validates raw parameters against `schema` and returns the parsed values.
 * Throws `InvalidParameterError` naming the first invalid parameter. Unknown parameters are ignored.
 */
export function parseParameters<Schema extends z.ZodType>(schema: Schema, raw: Record<string, unknown>): z.output<Schema> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const parameter = String(issue?.path[0] ?? 'query');
  // Express turns a repeated parameter into an array.
  const problem = Array.isArray(raw[parameter]) ? 'must be given once' : (issue?.message ?? 'is invalid');
  throw new InvalidParameterError(parameter, problem);
}

/** Rejects the first of `names` that `raw` lacks, before the schema reports it in less plain words. */
export function requireParameters(raw: Record<string, unknown>, names: string[]): void {
  const missing = names.find((name) => raw[name] === undefined);
  if (missing !== undefined) {
    throw new InvalidParameterError(missing, 'is required');
  }
}

/** Rejects a time range whose end is not after its start. Either end may be open. */
export function checkTimeRange(from: Date | undefined, to: Date | undefined): void {
  if (from !== undefined && to !== undefined && to.getTime() <= from.getTime()) {
    throw new InvalidParameterError('to', 'must be later than from');
  }
}
