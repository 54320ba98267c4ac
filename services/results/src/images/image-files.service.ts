import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';

import { ImageFileNotFoundError, ImageNotFoundError } from '../errors/results-errors.js';
import { ImageFileStore } from './image-file.store.js';
import { ImagesRepository } from './images.repository.js';

/** An original image file opened for streaming. */
export interface OpenedImageFile {
  body: Readable;
  contentType: string;
  bytes?: number;
}

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';
const THUMBNAIL_CONTENT_TYPE = 'image/webp';

/** Serves the originals that ingest stored in S3. */
@Injectable()
export class ImageFilesService {
  constructor(
    private readonly repository: ImagesRepository,
    private readonly store: ImageFileStore,
  ) {}

  /**
   * Opens the original file of an image. Throws `ImageNotFoundError` for an unknown image and
   * `ImageFileNotFoundError` while its upload event is missing or the object is gone.
   */
  async openOriginal(imageId: string): Promise<OpenedImageFile> {
    const file = await this.repository.findFileRef(imageId);
    if (file === null) {
      throw new ImageNotFoundError(imageId);
    }
    const { objectKey, contentType, bytes } = file;
    if (objectKey === null) {
      throw new ImageFileNotFoundError(imageId);
    }

    const object = await this.store.open(imageId, objectKey);
    return {
      body: object.body,
      contentType: contentType ?? object.contentType ?? FALLBACK_CONTENT_TYPE,
      bytes: object.contentLength ?? bytes ?? undefined,
    };
  }

  /**
   * Opens the WebP thumbnail that ingest stored at `thumbnails/<imageId>.webp`. The key follows
   * from the id, so no database read is needed. Returns null when there is none, as for images
   * uploaded before thumbnails existed. Throws `FileStoreUnavailableError`.
   */
  async openThumbnail(imageId: string): Promise<OpenedImageFile | null> {
    try {
      const object = await this.store.open(imageId, `thumbnails/${imageId}.webp`);
      return { body: object.body, contentType: THUMBNAIL_CONTENT_TYPE, bytes: object.contentLength };
    } catch (error) {
      if (error instanceof ImageFileNotFoundError) {
        return null;
      }
      throw error;
    }
  }
}
