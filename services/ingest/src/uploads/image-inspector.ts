import sharp, { type Metadata } from 'sharp';
import { ImageTooLargeError, UndecodableImageError, UnsupportedMediaTypeError } from '../errors/upload-errors.js';
import { ACCEPTED_FORMAT_NAMES, IMAGE_FORMATS, type ImageFormat, type ImageFormatInfo } from './image-formats.js';

export interface ImageFile {
  /** Name the client sent, used in messages only. */
  originalName: string;
  bytes: Buffer;
}

export interface InspectedImage extends ImageFormatInfo {
  format: ImageFormat;
  /** Width in pixels of the upright image, after the EXIF orientation is applied. */
  width: number;
  /** Height in pixels of the upright image, after the EXIF orientation is applied. */
  height: number;
  /** Number of pages or frames, 1 for a still image. */
  pages: number;
}

/**
 * Identifies an upload from its bytes with sharp (libvips), never from its
 * name or declared content type, and proves that its pixels decode.
 */
export class ImageInspector {
  constructor(private readonly maxPixels: number) {}

  /**
   * Reads the header, rejects unsupported formats and images larger than the
   * pixel limit, then decodes the pixels once.
   * @throws UnsupportedMediaTypeError, ImageTooLargeError or UndecodableImageError
   */
  async inspect(file: ImageFile): Promise<InspectedImage> {
    const metadata = await this.readHeader(file);
    const format = this.acceptedFormat(file, metadata);
    const { width, height } = metadata.autoOrient;

    // The header's size decides before any pixel is decoded, so a small file
    // that declares a huge canvas costs no memory.
    if (width * height > this.maxPixels) {
      throw new ImageTooLargeError(file.originalName, width, height, this.maxPixels);
    }
    await this.decodePixels(file, format);

    return { format, ...IMAGE_FORMATS[format], width, height, pages: metadata.pages ?? 1 };
  }

  private async readHeader(file: ImageFile): Promise<Metadata> {
    if (file.bytes.length === 0) {
      throw new UnsupportedMediaTypeError(file.originalName, 'empty', ACCEPTED_FORMAT_NAMES);
    }
    try {
      // metadata() parses the header only. The pixel limit is lifted here so
      // that ImageTooLargeError, not sharp, reports an oversized canvas.
      return await sharp(file.bytes, { limitInputPixels: false }).metadata();
    } catch (error) {
      if (error instanceof Error && error.message.includes('unsupported image format')) {
        throw new UnsupportedMediaTypeError(file.originalName, undefined, ACCEPTED_FORMAT_NAMES, { cause: error });
      }
      // A known format whose header is cut short or corrupt, such as a truncated WebP or GIF.
      throw new UndecodableImageError(file.originalName, undefined, { cause: error });
    }
  }

  private acceptedFormat(file: ImageFile, metadata: Metadata): ImageFormat {
    if (metadata.format === 'heif') {
      if (metadata.compression === 'av1') {
        return 'avif';
      }
      // The prebuilt libvips has no HEVC decoder, so HEIC photos cannot be decoded here.
      throw new UnsupportedMediaTypeError(file.originalName, 'HEIC (HEVC)', ACCEPTED_FORMAT_NAMES);
    }
    if (Object.hasOwn(IMAGE_FORMATS, metadata.format)) {
      return metadata.format as ImageFormat;
    }
    throw new UnsupportedMediaTypeError(file.originalName, metadata.format, ACCEPTED_FORMAT_NAMES);
  }

  private async decodePixels(file: ImageFile, format: ImageFormat): Promise<void> {
    try {
      // stats() reads every pixel of the first page without keeping the
      // decoded image. failOn 'error' rejects truncated and corrupt data but
      // tolerates the warnings many camera files raise.
      await sharp(file.bytes, { limitInputPixels: this.maxPixels, failOn: 'error' }).stats();
    } catch (error) {
      throw new UndecodableImageError(file.originalName, format, { cause: error });
    }
  }
}
