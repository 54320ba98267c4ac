import { z } from 'zod';

import { InvalidParameterError } from '../errors/results-errors.js';

/** Position after the last image of a page, in the listing's (uploaded_at desc, id desc) order. */
export interface ImageCursor {
  uploadedAt: Date;
  id: string;
}

const cursorSchema = z.object({
  uploadedAt: z.iso.datetime(),
  id: z.uuid(),
});

/** Encodes a cursor as opaque base64url text, so clients cannot depend on its fields. */
export function encodeCursor(cursor: ImageCursor): string {
  const json = JSON.stringify({ uploadedAt: cursor.uploadedAt.toISOString(), id: cursor.id });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** Decodes a cursor from `encodeCursor`; throws `InvalidParameterError` for anything else. */
export function decodeCursor(text: string): ImageCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidParameterError('cursor', 'not a cursor returned by this API');
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidParameterError('cursor', 'not a cursor returned by this API');
  }
  return { uploadedAt: new Date(parsed.data.uploadedAt), id: parsed.data.id };
}
