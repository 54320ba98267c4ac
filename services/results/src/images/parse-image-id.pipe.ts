import { Injectable, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';

const imageIdSchema = z.uuid();

/** Accepts an image id only when it is a UUID, the form ingest assigns, and returns it in lower case. */
export function parseImageId(value: unknown): string {
  const parsed = imageIdSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidParameterError('id', 'must be a UUID');
  }
  return parsed.data.toLowerCase();
}

/** Validates an image id path parameter with `parseImageId`. */
@Injectable()
export class ParseImageIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return parseImageId(value);
  }
}
