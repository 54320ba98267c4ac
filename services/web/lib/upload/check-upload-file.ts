import { ACCEPTED_FORMAT_NAMES, REJECTION_TEMPLATES } from './ingest-rejection-messages';
import type { Locale } from '../i18n/locales';

/** Ingest's default MAX_UPLOAD_BYTES. A deployment that raises it still gets the larger files refused here. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const ACCEPTED_MIME_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/tiff']);
const ACCEPTED_EXTENSIONS = new Set(['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'gif', 'avif', 'tif', 'tiff']);

/** Reason the browser rejects a file before sending it, with the API error code it replaces. */
export type FileRejection = { code: 'unsupported_media_type' | 'payload_too_large'; status: 413 | 415 };

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * Returns why a file is obviously not uploadable, or null when the API should decide. The API reads the type
 * from the bytes, but this check only uses the browser's MIME type, or the extension when the browser gives none.
 */
export function checkUploadFile(file: Pick<File, 'name' | 'size' | 'type'>): FileRejection | null {
  const looksLikeImage = file.type === '' ? ACCEPTED_EXTENSIONS.has(extensionOf(file.name)) : ACCEPTED_MIME_TYPES.has(file.type);
  if (!looksLikeImage) {
    return { code: 'unsupported_media_type', status: 415 };
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    return { code: 'payload_too_large', status: 413 };
  }
  return null;
}

/** Formats a rejection with the API's wording, in the given language. */
export function describeRejection(rejection: FileRejection, fileName: string, locale: Locale): string {
  const templates = REJECTION_TEMPLATES[locale];
  return rejection.code === 'unsupported_media_type'
    ? templates.unsupportedMediaType(fileName, ACCEPTED_FORMAT_NAMES)
    : templates.payloadTooLarge(fileName, MAX_UPLOAD_BYTES);
}
