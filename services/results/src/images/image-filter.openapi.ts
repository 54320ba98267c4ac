import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

import { IMAGE_STATUSES } from './image.entity.js';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './list-images-query.js';

/** Documents the `ImageFilter` query parameters of a route. */
export function ApiImageFilterQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'label', required: false, type: String, description: "Only images whose current result has a detection of this label." }),
    ApiQuery({
      name: 'minScore',
      required: false,
      type: Number,
      minimum: 0,
      maximum: 1,
      description: 'Only images with a detection scoring at least this much, of `label` when given.',
    }),
    ApiQuery({ name: 'from', required: false, type: String, format: 'date-time', description: 'Uploaded at or after this ISO 8601 time (with Z or an offset).' }),
    ApiQuery({ name: 'to', required: false, type: String, format: 'date-time', description: 'Uploaded before this ISO 8601 time; must be later than `from`.' }),
    ApiQuery({ name: 'modelId', required: false, type: String, description: 'Only images whose current result came from this model.' }),
    ApiQuery({ name: 'modelVersion', required: false, type: String, description: 'Only images whose current result came from this model version.' }),
    ApiQuery({ name: 'status', required: false, enum: IMAGE_STATUSES }),
  );
}

/** Documents the page parameters of `GET /v1/images`. */
export function ApiPageQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'limit', required: false, type: Number, minimum: 1, maximum: MAX_PAGE_SIZE, description: `Images per page, ${DEFAULT_PAGE_SIZE} by default.` }),
    ApiQuery({ name: 'cursor', required: false, type: String, description: "The previous page's `nextCursor`." }),
  );
}
