import type { Locale } from '../i18n/locales';

// These templates mirror the messages of ingest's UnsupportedMediaTypeError and FileTooLargeError in
// services/ingest/src/errors/upload-errors.ts, and the byte formatting of formatBytes in
// services/ingest/src/errors/format-units.ts, so a file refused in the browser reads exactly as if the
// API had refused it. Change them together with that file.

/** Format names as ingest lists them (ACCEPTED_FORMAT_NAMES in services/ingest/src/uploads/image-formats.ts). */
export const ACCEPTED_FORMAT_NAMES = ['JPEG', 'PNG', 'WebP', 'GIF', 'AVIF', 'TIFF'] as const;

export interface RejectionTemplates {
  unsupportedMediaType: (fileName: string, acceptedFormats: readonly string[]) => string;
  payloadTooLarge: (fileName: string, maxBytes: number) => string;
}

const KIBIBYTE_BYTES = 1024;
const MEBIBYTE_BYTES = 1024 * 1024;

function trimDecimals(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Formats a byte count as ingest does: `512 bytes`, `1.5 KiB`, `20 MiB`. */
export function formatIngestBytes(bytes: number): string {
  if (bytes < KIBIBYTE_BYTES) {
    return `${bytes} bytes`;
  }
  if (bytes < MEBIBYTE_BYTES) {
    return `${trimDecimals(bytes / KIBIBYTE_BYTES)} KiB`;
  }
  return `${trimDecimals(bytes / MEBIBYTE_BYTES)} MiB`;
}

export const REJECTION_TEMPLATES: Record<Locale, RejectionTemplates> = {
  en: {
    unsupportedMediaType: (fileName, acceptedFormats) =>
      `File '${fileName}' is not a recognised image; accepted formats are ${acceptedFormats.join(', ')}.`,
    payloadTooLarge: (fileName, maxBytes) => `File '${fileName}' is larger than the limit of ${formatIngestBytes(maxBytes)}.`,
  },
  ja: {
    unsupportedMediaType: (fileName, acceptedFormats) =>
      `ファイル「${fileName}」は認識できる画像ではありません。対応形式は ${acceptedFormats.join('、')} です。`,
    payloadTooLarge: (fileName, maxBytes) => `ファイル「${fileName}」は上限の ${formatIngestBytes(maxBytes)} を超えています。`,
  },
};
