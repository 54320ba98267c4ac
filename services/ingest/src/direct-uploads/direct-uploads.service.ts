import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SUBJECTS, type DetectionOptions } from '@lookout/contracts';
import { EventPublisher } from '@lookout/messaging';
import { errorFields, type Logger } from '@lookout/runtime';
import { ObjectStore, ObjectStoreRequestError } from '@lookout/storage';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest-config.js';
import { QueueUnavailableError, StorageUnavailableError } from '../errors/dependency-errors.js';
import { UploadChangedError, UploadNotFoundError } from '../errors/direct-upload-errors.js';
import { IngestError } from '../errors/ingest-error.js';
import { LOGGER } from '../logging/logger.provider.js';
import { imageObjectKey, pendingUploadKey, thumbnailObjectKey } from '../uploads/object-keys.js';
import { THUMBNAIL_CONTENT_TYPE } from '../uploads/thumbnail-renderer.js';
import { buildUploadEvent, MAX_ORIGINAL_NAME_LENGTH } from '../uploads/upload-job.js';
import type { QueuedImage } from '../uploads/uploads.service.js';
import { parseCreateUploadRequest } from './create-upload-request.js';
import { StoredUploadVerifier, type VerifiedUpload } from './stored-upload.verifier.js';
import { UploadTokenCodec, type UploadClaims } from './upload-token.js';

/** How long the presigned PUT URL can start an upload. */
export const PRESIGNED_URL_TTL_SECONDS = 15 * 60;
/** How long an upload id can complete its upload; longer than the URL, so a slow PUT can finish. */
export const UPLOAD_ID_TTL_SECONDS = 60 * 60;

/** Body of `201` to `POST /v1/uploads`. */
export interface CreatedUpload {
  uploadId: string;
  imageId: string;
  url: string;
  method: 'PUT';
  /** Headers the PUT must send with these exact values; they are part of the signature. */
  headers: { 'content-type': string };
  /** ISO 8601 time after which the URL no longer starts an upload. */
  expiresAt: string;
}

/**
 * Direct uploads: the client PUTs a file to a presigned S3 URL, so that neither the gateway nor
 * ingest receives the body, and then sends a complete request so that ingest checks it. A completed upload ends like
 * `POST /v1/images`: the original under `images/YYYY/MM/DD/<id>.<ext>`, its thumbnail, and one
 * `images.uploaded.v1` event.
 */
@Injectable()
export class DirectUploadsService {
  private readonly logger: Logger;

  constructor(
    private readonly store: ObjectStore,
    private readonly verifier: StoredUploadVerifier,
    private readonly tokens: UploadTokenCodec,
    private readonly publisher: EventPublisher,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'DirectUploadsService' });
  }

  /**
   * Validates the declared file and returns a presigned PUT URL for it with the upload id.
   * @throws InvalidUploadRequestError, UnsupportedMediaTypeError, FileTooLargeError or StorageUnavailableError
   */
  async create(body: unknown, now: Date = new Date()): Promise<CreatedUpload> {
    const request = parseCreateUploadRequest(body, this.config.MAX_DIRECT_UPLOAD_BYTES);
    const imageId = randomUUID();
    const jobId = randomUUID();
    const key = pendingUploadKey(imageId);
    const nowSeconds = Math.floor(now.getTime() / 1000);

    let url: string;
    try {
      url = await this.store.presignPut(key, { contentType: request.contentType, contentLength: request.bytes, expiresInSeconds: PRESIGNED_URL_TTL_SECONDS });
    } catch (error) {
      // Signing sends no request, so it fails when no credentials can be loaded rather than when S3 is down.
      this.logger.error({ imageId, ...errorFields(error) }, 'presigning the upload URL failed');
      throw new StorageUnavailableError({ cause: error });
    }
    const uploadId = this.tokens.sign({
      imageId,
      jobId,
      key,
      originalName: request.originalName.slice(0, MAX_ORIGINAL_NAME_LENGTH),
      expiresAt: nowSeconds + UPLOAD_ID_TTL_SECONDS,
    });

    this.logger.info({ imageId, jobId, key, bytes: request.bytes, contentType: request.contentType }, 'direct upload created');
    return {
      uploadId,
      imageId,
      url,
      method: 'PUT',
      headers: { 'content-type': request.contentType },
      expiresAt: new Date((nowSeconds + PRESIGNED_URL_TTL_SECONDS) * 1000).toISOString(),
    };
  }

  /**
   * Checks the uploaded object, moves it to its final key with a thumbnail and publishes its event.
   * A rejected file is deleted. When the store or the queue fails, the uploaded object stays, so
   * the same complete request can be retried while the upload id is valid.
   * @throws InvalidUploadTokenError, UploadNotFoundError, a file rejection as for `POST /v1/images`,
   *   UploadChangedError, StorageUnavailableError or QueueUnavailableError
   */
  async complete(uploadId: string, options: DetectionOptions): Promise<QueuedImage> {
    const claims = this.tokens.verify(uploadId);
    const fields = { imageId: claims.imageId, jobId: claims.jobId, key: claims.key };
    const verified = await this.verify(claims);

    const uploadedAt = new Date();
    const key = imageObjectKey(claims.imageId, verified.image.extension, uploadedAt);
    const thumbnailKey = thumbnailObjectKey(claims.imageId);
    const { format, width, height, pages } = verified.image;
    this.logger.info({ ...fields, originalName: claims.originalName, format, width, height, pages, options }, 'image accepted');

    await this.storeFinal(claims, verified, key, thumbnailKey);
    const event = buildUploadEvent({
      imageId: claims.imageId,
      eventId: claims.jobId,
      bucket: this.config.S3_BUCKET,
      key,
      thumbnailKey,
      image: verified.image,
      byteLength: verified.byteLength,
      originalName: claims.originalName,
      uploadedAt,
      options,
    });
    try {
      const { seq } = await this.publisher.publish(SUBJECTS.imageUploaded, event);
      this.logger.info({ ...fields, seq }, 'image queued');
    } catch (error) {
      this.logger.error({ ...fields, ...errorFields(error) }, 'publishing the upload event failed');
      await this.deleteQuietly(claims, [key, thumbnailKey]);
      throw new QueueUnavailableError({ cause: error });
    }
    // A pending object left behind by a failed delete is removed by the bucket's lifecycle rule in AWS.
    await this.deleteQuietly(claims, [claims.key]);

    return { id: claims.imageId, status: 'queued', statusUrl: `/v1/images/${claims.imageId}` };
  }

  /** Runs the checks; a rejected file is deleted, while a store failure keeps it for a retry. */
  private async verify(claims: UploadClaims): Promise<VerifiedUpload> {
    try {
      return await this.verifier.verify(claims);
    } catch (error) {
      if (error instanceof UploadNotFoundError) {
        throw error;
      }
      if (error instanceof IngestError) {
        await this.deleteQuietly(claims, [claims.key]);
        throw error;
      }
      this.logger.error({ imageId: claims.imageId, jobId: claims.jobId, key: claims.key, ...errorFields(error) }, 'reading the uploaded file failed');
      throw new StorageUnavailableError({ cause: error });
    }
  }

  /** Copies the checked object to its final key and stores the thumbnail; on failure deletes both. */
  private async storeFinal(claims: UploadClaims, verified: VerifiedUpload, key: string, thumbnailKey: string): Promise<void> {
    const fields = { imageId: claims.imageId, jobId: claims.jobId, key };
    try {
      await this.store.copy(claims.key, key, verified.image.contentType, { ifMatch: verified.etag });
      await this.store.put(thumbnailKey, verified.thumbnail, THUMBNAIL_CONTENT_TYPE);
    } catch (error) {
      this.logger.error({ ...fields, ...errorFields(error) }, 'storing the image failed');
      await this.deleteQuietly(claims, [key, thumbnailKey]);
      if (error instanceof ObjectStoreRequestError && error.s3ErrorName === 'PreconditionFailed') {
        throw new UploadChangedError(claims.imageId, { cause: error });
      }
      throw new StorageUnavailableError({ cause: error });
    }
    this.logger.info({ ...fields, bytes: verified.byteLength, thumbnailKey, thumbnailBytes: verified.thumbnail.length }, 'image stored');
  }

  /** Deletes objects of a failed or finished upload. A failed delete is logged and leaves an orphan object. */
  private async deleteQuietly(claims: UploadClaims, keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const fields = { imageId: claims.imageId, jobId: claims.jobId, key };
      try {
        await this.store.delete(key);
        this.logger.info(fields, 'uploaded object deleted');
      } catch (error) {
        this.logger.error({ ...fields, ...errorFields(error) }, 'deleting the uploaded object failed, so the object is orphaned');
      }
    }
  }
}
