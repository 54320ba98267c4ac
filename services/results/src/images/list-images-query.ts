import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';
import { decodeCursor, type ImageCursor } from './image-cursor.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_LABEL_LENGTH = 100;

/** Validated filters and page position of `GET /v1/images`. */
export interface ListImagesQuery {
  /** Only images with a detection of this label. */
  label?: string;
  /** Only images with a detection scoring at least this much (0..1), of `label` when given. */
  minScore?: number;
  limit: number;
  cursor?: ImageCursor;
}

const SCORE_PATTERN = /^(0(\.\d+)?|1(\.0+)?|0?\.\d+)$/;
const LIMIT_PROBLEM = `must be an integer from 1 to ${MAX_PAGE_SIZE}`;

const querySchema = z.object({
  label: z.string().trim().min(1, 'must not be empty').max(MAX_LABEL_LENGTH, `must be at most ${MAX_LABEL_LENGTH} characters`).optional(),
  minScore: z.string().regex(SCORE_PATTERN, 'must be a number from 0 to 1').transform(Number).optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, LIMIT_PROBLEM)
    .transform(Number)
    .refine((limit) => limit >= 1 && limit <= MAX_PAGE_SIZE, LIMIT_PROBLEM)
    .optional(),
  cursor: z.string().min(1, 'must not be empty').optional(),
});

/**
 * Validates the raw query object of `GET /v1/images`.
 * Throws `InvalidParameterError` naming the first invalid parameter. Unknown parameters are ignored.
 */
export function parseListImagesQuery(raw: Record<string, unknown>): ListImagesQuery {
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = String(issue?.path[0] ?? 'query');
    // Express turns a repeated parameter into an array.
    const problem = Array.isArray(raw[parameter]) ? 'must be given once' : (issue?.message ?? 'is invalid');
    throw new InvalidParameterError(parameter, problem);
  }

  const { label, minScore, limit, cursor } = parsed.data;
  return {
    label,
    minScore,
    limit: limit ?? DEFAULT_PAGE_SIZE,
    cursor: cursor === undefined ? undefined : decodeCursor(cursor),
  };
}
