import sharp from 'sharp';
import { UndecodableImageError } from '../errors/upload-errors.js';

/** Maximum length of a thumbnail's longer side, in pixels; smaller images keep their size. */
export const THUMBNAIL_MAX_SIDE_PIXELS = 320;
export const THUMBNAIL_CONTENT_TYPE = 'image/webp';

/** Renders the WebP preview stored next to each original. */
export class ThumbnailRenderer {
  constructor(private readonly maxPixels: number) {}

  /**
   * Renders the upright first frame of an image that ImageInspector accepted, from its bytes or
   * its file path, as a WebP whose longest side is at most THUMBNAIL_MAX_SIDE_PIXELS. WebP keeps
   * an alpha channel, and sharp converts CMYK and 16-bit input to 8-bit sRGB.
   * @throws UndecodableImageError when libvips fails on pixels the inspection decoded
   */
  async render(originalName: string, input: Buffer | string): Promise<Buffer> {
    try {
      return await sharp(input, { limitInputPixels: this.maxPixels })
        .autoOrient()
        .resize({ width: THUMBNAIL_MAX_SIDE_PIXELS, height: THUMBNAIL_MAX_SIDE_PIXELS, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
    } catch (error) {
      throw new UndecodableImageError(originalName, undefined, { cause: error });
    }
  }
}
