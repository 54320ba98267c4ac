import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';

export const DEFAULT_DELIVERY_PAGE_SIZE = 20;
export const MAX_DELIVERY_PAGE_SIZE = 100;

/** Validated query of `GET /v1/webhooks/:id/deliveries`. */
export interface ListDeliveriesQuery {
  limit: number;
  /** Delivery id the page starts below. */
  beforeId?: string;
}

const LIMIT_PROBLEM = `must be an integer from 1 to ${MAX_DELIVERY_PAGE_SIZE}`;
const CURSOR_PROBLEM = 'not a cursor returned by this API';

const querySchema = z.object({
  limit: z
    .string(LIMIT_PROBLEM)
    .regex(/^\d{1,4}$/, LIMIT_PROBLEM)
    .transform(Number)
    .refine((limit) => limit >= 1 && limit <= MAX_DELIVERY_PAGE_SIZE, LIMIT_PROBLEM)
    .optional(),
  cursor: z.string(CURSOR_PROBLEM).min(1, 'must not be empty').optional(),
});

/** Encodes the id of a page's last delivery as opaque base64url text. */
export function encodeDeliveryCursor(deliveryId: string): string {
  return Buffer.from(JSON.stringify({ id: deliveryId }), 'utf8').toString('base64url');
}

function decodeDeliveryCursor(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidParameterError('cursor', CURSOR_PROBLEM);
  }
  const parsed = z.object({ id: z.string().regex(/^\d{1,18}$/) }).safeParse(value);
  if (!parsed.success) {
    throw new InvalidParameterError('cursor', CURSOR_PROBLEM);
  }
  return parsed.data.id;
}

/** Validates the raw query object; throws InvalidParameterError naming the first invalid parameter. */
export function parseListDeliveriesQuery(raw: Record<string, unknown>): ListDeliveriesQuery {
  const parsed = querySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidParameterError(String(issue?.path[0] ?? 'query'), issue?.message ?? 'is invalid');
  }
  const { limit, cursor } = parsed.data;
  return {
    limit: limit ?? DEFAULT_DELIVERY_PAGE_SIZE,
    ...(cursor === undefined ? {} : { beforeId: decodeDeliveryCursor(cursor) }),
  };
}
