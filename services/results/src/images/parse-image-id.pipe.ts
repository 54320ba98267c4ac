import { Injectable, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';

const imageIdSchema = z.uuid();

/** Accepts an image id path parameter only when it is a UUID, the form ingest assigns. */
@Injectable()
export class ParseImageIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!imageIdSchema.safeParse(value).success) {
      throw new InvalidParameterError('id', 'must be a UUID');
    }
    return value.toLowerCase();
  }
}
