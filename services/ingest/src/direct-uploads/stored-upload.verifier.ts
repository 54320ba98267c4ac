import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectNotFoundError, type ObjectStore } from '@lookout/storage';
import { UploadNotFoundError } from '../errors/direct-upload-errors.js';
import { FileTooLargeError, UnsupportedMediaTypeError } from '../errors/upload-errors.js';
import { ACCEPTED_FORMAT_NAMES } from '../uploads/image-formats.js';
import type { ImageInspector, InspectedImage } from '../uploads/image-inspector.js';
import type { ThumbnailRenderer } from '../uploads/thumbnail-renderer.js';
import { SpoolLimitExceededError, spoolToFile } from './spool-to-file.js';
import type { UploadClaims } from './upload-token.js';

/** Bytes fetched first to identify the format and read the declared size before the whole file. */
export const HEADER_PROBE_BYTES = 64 * 1024;

/** An uploaded object that passed every check. */
export interface VerifiedUpload {
  image: InspectedImage;
  byteLength: number;
  /** Entity tag of the checked version, so the copy can require the same bytes. */
  etag: string | undefined;
  thumbnail: Buffer;
}

/**
 * Checks an object that a client PUT to a presigned URL, cheapest check first: its size from a
 * HEAD request, its format and declared pixel count from the first 64 KiB, then a full decode.
 * For the decode the object is streamed from S3 to a temporary file that libvips reads, because
 * sharp 0.35 collects a piped stream into one Buffer before decoding it. Memory use therefore
 * stays at a few stream chunks plus what libvips needs, whatever the file size.
 */
export class StoredUploadVerifier {
  constructor(
    private readonly store: ObjectStore,
    private readonly inspector: ImageInspector,
    private readonly thumbnails: ThumbnailRenderer,
    private readonly maxBytes: number,
  ) {}

  /**
   * @throws UploadNotFoundError when nothing is stored under the key; FileTooLargeError,
   *   UnsupportedMediaTypeError, ImageTooLargeError or UndecodableImageError for a rejected file;
   *   ObjectStoreError when the store fails
   */
  async verify(claims: UploadClaims): Promise<VerifiedUpload> {
    const { key, originalName } = claims;
    const byteLength = await this.storedSize(claims);
    if (byteLength === 0) {
      throw new UnsupportedMediaTypeError(originalName, 'empty', ACCEPTED_FORMAT_NAMES);
    }
    if (byteLength > this.maxBytes) {
      throw new FileTooLargeError(originalName, this.maxBytes);
    }
    await this.inspector.checkHeader(originalName, await this.store.getRange(key, 0, HEADER_PROBE_BYTES - 1));

    const directory = await mkdtemp(join(tmpdir(), 'lookout-upload-'));
    try {
      const path = join(directory, 'original');
      const object = await this.store.getStream(key);
      let spooledBytes: number;
      try {
        spooledBytes = await spoolToFile(object.body, path, this.maxBytes);
      } catch (error) {
        // The object was replaced by a larger one after the HEAD request.
        if (error instanceof SpoolLimitExceededError) {
          throw new FileTooLargeError(originalName, this.maxBytes, { cause: error });
        }
        throw error;
      }
      const image = await this.inspector.inspectFile(originalName, path);
      const thumbnail = await this.thumbnails.render(originalName, path);
      return { image, byteLength: spooledBytes, etag: object.etag, thumbnail };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  private async storedSize(claims: UploadClaims): Promise<number> {
    try {
      const info = await this.store.head(claims.key);
      return info.contentLength ?? 0;
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        throw new UploadNotFoundError(claims.imageId);
      }
      throw error;
    }
  }
}
