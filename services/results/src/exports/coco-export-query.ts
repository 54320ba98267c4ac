import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';
import { imageFilterParameters, type ImageFilter } from '../images/image-filter.js';
import { checkTimeRange, parseParameters } from '../images/query-parameters.js';

const querySchema = z.object(imageFilterParameters);

/**
 * Validates the filters of `GET /v1/exports/coco`, the same as those of `GET /v1/images`. An export
 * contains only images with a result, so `status` may only be `done`, which applies anyway.
 */
export function parseCocoExportQuery(raw: Record<string, unknown>): ImageFilter {
  const filter = parseParameters(querySchema, raw);
  checkTimeRange(filter.from, filter.to);
  if (filter.status !== undefined && filter.status !== 'done') {
    throw new InvalidParameterError('status', 'must be done, because an export contains only images with a result');
  }
  return { ...filter, status: 'done' };
}
