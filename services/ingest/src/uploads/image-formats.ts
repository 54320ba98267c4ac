/** An image format the service accepts, named as in the `images.uploaded.v1` `format` field. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff';

export interface ImageFormatInfo {
  contentType: string;
  /** File name extension of stored objects, without the dot. */
  extension: string;
}

/** Formats whose pixels the sharp 0.35 prebuilt libvips decodes from a buffer (see `sharp.format`). */
export const IMAGE_FORMATS: Readonly<Record<ImageFormat, ImageFormatInfo>> = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  webp: { contentType: 'image/webp', extension: 'webp' },
  gif: { contentType: 'image/gif', extension: 'gif' },
  avif: { contentType: 'image/avif', extension: 'avif' },
  tiff: { contentType: 'image/tiff', extension: 'tiff' },
};

export const ACCEPTED_FORMAT_NAMES: readonly string[] = ['JPEG', 'PNG', 'WebP', 'GIF', 'AVIF', 'TIFF'];
