import { Injectable, type PipeTransform } from '@nestjs/common';
import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';

const webhookIdSchema = z.uuid();

/** Accepts a webhook id path parameter only when it is a UUID, the form registration assigns. */
@Injectable()
export class ParseWebhookIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!webhookIdSchema.safeParse(value).success) {
      throw new InvalidParameterError('id', 'must be a UUID');
    }
    return value.toLowerCase();
  }
}
