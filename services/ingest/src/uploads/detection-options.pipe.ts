import { Injectable, type PipeTransform } from '@nestjs/common';
import type { DetectionOptions } from '@lookout/contracts';
import { parseDetectionOptions } from './detection-options.parser.js';

/**
 * Turns the text fields that multer collected into `req.body` into detection
 * options. Pipes run after interceptors, so multer has read the whole body,
 * including fields that follow the files, before this runs.
 */
@Injectable()
export class DetectionOptionsPipe implements PipeTransform<unknown, DetectionOptions> {
  transform(body: unknown): DetectionOptions {
    // req.body stays unset only when multer did not read the body, which
    // MultipartGuard prevents for this route.
    if (typeof body !== 'object' || body === null) {
      return {};
    }
    return parseDetectionOptions(body as Record<string, unknown>);
  }
}
