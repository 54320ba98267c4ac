const KIBIBYTE_BYTES = 1024;
const MEBIBYTE_BYTES = 1024 * 1024;

/** Formats a byte count for people: `512 bytes`, `1.5 KiB`, `20 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < KIBIBYTE_BYTES) {
    return `${bytes} bytes`;
  }
  if (bytes < MEBIBYTE_BYTES) {
    return `${trimDecimals(bytes / KIBIBYTE_BYTES)} KiB`;
  }
  return `${trimDecimals(bytes / MEBIBYTE_BYTES)} MiB`;
}

/** Formats a pixel count in megapixels (millions of pixels): `40 megapixels`, `2.5 megapixels`. */
export function formatMegapixels(pixels: number): string {
  return `${trimDecimals(pixels / 1_000_000)} megapixels`;
}

function trimDecimals(value: number): string {
  return String(Math.round(value * 10) / 10);
}
