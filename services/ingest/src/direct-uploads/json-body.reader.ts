import type { Request } from 'express';
import { InvalidJsonError, JsonBodyTooLargeError, JsonRequiredError } from '../errors/direct-upload-errors.js';

/** Largest JSON body accepted; the direct upload requests need well under 1 KiB plus the option fields. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads and parses a JSON request body. The app turns Express's body parsers off, so that no body
 * is read before a guard or handler decides, and this reader keeps that: it stops at `maxBytes`.
 * An empty body returns `emptyValue` when one is given. Any other body must be `application/json`.
 * @throws JsonRequiredError, JsonBodyTooLargeError or InvalidJsonError
 */
export async function readJsonBody(request: Request, options: { maxBytes?: number; emptyValue?: unknown } = {}): Promise<unknown> {
  const maxBytes = options.maxBytes ?? MAX_JSON_BODY_BYTES;
  // is() returns null for a request without a body (no Content-Length and no Transfer-Encoding).
  // fetch sends `Content-Length: 0` for a POST without a body, which counts as empty too.
  const type = request.is('application/json');
  if ((type === null || request.headers['content-length'] === '0') && 'emptyValue' in options) {
    return options.emptyValue;
  }
  if (type !== 'application/json') {
    throw new JsonRequiredError();
  }

  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    length += bytes.length;
    if (length > maxBytes) {
      throw new JsonBodyTooLargeError(maxBytes);
    }
    chunks.push(bytes);
  }
  if (length === 0 && 'emptyValue' in options) {
    return options.emptyValue;
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (error) {
    throw new InvalidJsonError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}
