import { z } from 'zod';

import { decodeCursor, type ImageCursor } from './image-cursor.js';
import { imageFilterParameters, type ImageFilter } from './image-filter.js';
import { checkTimeRange, integerParameter, parseParameters, textParameter } from './query-parameters.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Validated filters and page position of `GET /v1/images` and of the `results.images.list.v1` request. */
export interface ListImagesQuery extends ImageFilter {
  limit: number;
  cursor?: ImageCursor;
}

const querySchema = z.object({
  ...imageFilterParameters,
  limit: integerParameter(1, MAX_PAGE_SIZE).optional(),
  cursor: textParameter(1000).optional(),
});

/**
 * Validates the raw query of `GET /v1/images`: query text from HTTP or a JSON object from NATS.
 * Throws `InvalidParameterError` naming the first invalid parameter. Unknown parameters are ignored.
 */
export function parseListImagesQuery(raw: Record<string, unknown>): ListImagesQuery {
  const { limit, cursor, ...filter } = parseParameters(querySchema, raw);
  checkTimeRange(filter.from, filter.to);
  return {
    ...filter,
    limit: limit ?? DEFAULT_PAGE_SIZE,
    cursor: cursor === undefined ? undefined : decodeCursor(cursor),
  };
}
