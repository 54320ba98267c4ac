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

/** Bytes in memory, or the path of a file that libvips reads as it decodes. */
type ImageSource = Buffer | string;

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
    if (file.bytes.length === 0) {
      throw new UnsupportedMediaTypeError(file.originalName, 'empty', ACCEPTED_FORMAT_NAMES);
    }
    return this.inspectSource(file.originalName, file.bytes);
  }

  /**
   * Inspects an image file on disk like `inspect`. libvips reads the file as it decodes, so the
   * file is never loaded into memory whole. The caller rejects an empty file first.
   * @throws UnsupportedMediaTypeError, ImageTooLargeError or UndecodableImageError
   */
  async inspectFile(originalName: string, path: string): Promise<InspectedImage> {
    return this.inspectSource(originalName, path);
  }

  /**
   * Checks the first bytes of a file before the rest is fetched: rejects a format that is not
   * accepted, and a declared size over the pixel limit. Returns false when the header does not
   * fit in `head` (a JPEG with large metadata segments, a TIFF whose directory sits at the end),
   * so that only the full file can decide.
   * @throws UnsupportedMediaTypeError or ImageTooLargeError
   */
  async checkHeader(originalName: string, head: Buffer): Promise<boolean> {
    if (head.length === 0) {
      throw new UnsupportedMediaTypeError(originalName, 'empty', ACCEPTED_FORMAT_NAMES);
    }
    let metadata: Metadata;
    try {
      metadata = await this.readHeader(originalName, head);
    } catch (error) {
      if (error instanceof UndecodableImageError) {
        return false;
      }
      throw error;
    }
    this.acceptedFormat(originalName, metadata);
    this.checkPixelCount(originalName, metadata);
    return true;
  }

  private async inspectSource(originalName: string, source: ImageSource): Promise<InspectedImage> {
    const metadata = await this.readHeader(originalName, source);
    const format = this.acceptedFormat(originalName, metadata);
    const { width, height } = this.checkPixelCount(originalName, metadata);
    await this.decodePixels(originalName, source, format);

    return { format, ...IMAGE_FORMATS[format], width, height, pages: metadata.pages ?? 1 };
  }

  /**
   * Returns the upright size. The header's size decides before any pixel is
   * decoded, so a small file that declares a huge canvas costs no memory.
   */
  private checkPixelCount(originalName: string, metadata: Metadata): { width: number; height: number } {
    const { width, height } = metadata.autoOrient;
    if (width * height > this.maxPixels) {
      throw new ImageTooLargeError(originalName, width, height, this.maxPixels);
    }
    return { width, height };
  }

  private async readHeader(originalName: string, source: ImageSource): Promise<Metadata> {
    try {
      // metadata() parses the header only. The pixel limit is lifted here so
      // that ImageTooLargeError, not sharp, reports an oversized canvas.
      return await sharp(source, { limitInputPixels: false }).metadata();
    } catch (error) {
      if (error instanceof Error && error.message.includes('unsupported image format')) {
        throw new UnsupportedMediaTypeError(originalName, undefined, ACCEPTED_FORMAT_NAMES, { cause: error });
      }
      // A known format whose header is cut short or corrupt, such as a truncated WebP or GIF.
      throw new UndecodableImageError(originalName, undefined, { cause: error });
    }
  }

  private acceptedFormat(originalName: string, metadata: Metadata): ImageFormat {
    if (metadata.format === 'heif') {
      if (metadata.compression === 'av1') {
        return 'avif';
      }
      // The prebuilt libvips has no HEVC decoder, so HEIC photos cannot be decoded here.
      throw new UnsupportedMediaTypeError(originalName, 'HEIC (HEVC)', ACCEPTED_FORMAT_NAMES);
    }
    if (Object.hasOwn(IMAGE_FORMATS, metadata.format)) {
      return metadata.format as ImageFormat;
    }
    throw new UnsupportedMediaTypeError(originalName, metadata.format, ACCEPTED_FORMAT_NAMES);
  }

  private async decodePixels(originalName: string, source: ImageSource, format: ImageFormat): Promise<void> {
    try {
      // stats() reads every pixel of the first page without keeping the
      // decoded image. failOn 'error' rejects truncated and corrupt data but
      // tolerates the warnings many camera files raise.
      await sharp(source, { limitInputPixels: this.maxPixels, failOn: 'error' }).stats();
    } catch (error) {
      throw new UndecodableImageError(originalName, format, { cause: error });
    }
  }
}
