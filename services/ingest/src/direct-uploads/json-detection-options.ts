import type { DetectionOptions } from '@lookout/contracts';
import { InvalidOptionError } from '../errors/upload-errors.js';
import { parseDetectionOptions } from '../uploads/detection-options.parser.js';

/**
 * Parses the detection options of a complete request's JSON body, such as
 * `{ "minScore": 0.5, "classes": ["dog", "person"] }`. Numbers and booleans are turned into the
 * text the multipart fields carry, so both routes apply the same ranges and messages.
 * @throws InvalidOptionError
 */
export function parseJsonDetectionOptions(body: unknown): DetectionOptions {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidOptionError('body', 'The request body must be a JSON object of detection options, or empty.');
  }
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    fields[field] = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  }
  return parseDetectionOptions(fields);
}
