import { Inject, Injectable } from '@nestjs/common';
import { SUBJECTS, type DetectionOptions } from '@lookout/contracts';
import { EventPublisher } from '@lookout/messaging';
import { errorFields, type Logger } from '@lookout/runtime';
import { ObjectStore } from '@lookout/storage';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest-config.js';
import { QueueUnavailableError, StorageUnavailableError } from '../errors/dependency-errors.js';
import { MissingFileError } from '../errors/upload-errors.js';
import { LOGGER } from '../logging/logger.provider.js';
import { ImageInspector, type ImageFile, type InspectedImage } from './image-inspector.js';
import { THUMBNAIL_CONTENT_TYPE, ThumbnailRenderer } from './thumbnail-renderer.js';
import { planUploadJob, type UploadJob } from './upload-job.js';

export interface QueuedImage {
  id: string;
  status: 'queued';
  statusUrl: string;
}

/**
 * Accepts the images of one request all-or-nothing: every file is validated
 * and its thumbnail rendered before the first is stored, and a failed store
 * or publish deletes what the request had stored, thumbnails included.
 */
@Injectable()
export class UploadsService {
  private readonly logger: Logger;

  constructor(
    private readonly inspector: ImageInspector,
    private readonly thumbnails: ThumbnailRenderer,
    private readonly store: ObjectStore,
    private readonly publisher: EventPublisher,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'UploadsService' });
  }

  /**
   * Validates, stores and announces the files of one request. `options`
   * apply to every file and travel in each upload event.
   * @throws MissingFileError, an inspection error of the first bad file,
   *   StorageUnavailableError or QueueUnavailableError
   */
  async upload(files: readonly ImageFile[], options: DetectionOptions = {}): Promise<QueuedImage[]> {
    if (files.length === 0) {
      throw new MissingFileError();
    }
    const images: InspectedImage[] = [];
    for (const file of files) {
      images.push(await this.inspector.inspect(file));
    }
    // Rendered one at a time after every file passed, so a bad last file costs no rendering.
    const thumbnails: Buffer[] = [];
    for (const file of files) {
      thumbnails.push(await this.thumbnails.render(file.originalName, file.bytes));
    }

    const uploadedAt = new Date();
    const jobs = files.map((file, index) => planUploadJob(file, images[index], thumbnails[index], this.config.S3_BUCKET, uploadedAt, options));
    for (const [index, job] of jobs.entries()) {
      const { format, width, height, pages } = images[index];
      this.logger.info(
        { imageId: job.imageId, jobId: job.jobId, originalName: files[index].originalName, format, width, height, pages, options },
        'image accepted',
      );
    }
    await this.storeAll(jobs);
    await this.publishAll(jobs);

    return jobs.map((job) => ({ id: job.imageId, status: 'queued', statusUrl: `/v1/images/${job.imageId}` }));
  }

  private async storeAll(jobs: readonly UploadJob[]): Promise<void> {
    const results = await Promise.allSettled(jobs.map((job) => this.storeOne(job)));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure === undefined) {
      return;
    }
    await this.deleteObjects(jobs.filter((_, index) => results[index].status === 'fulfilled'));
    throw new StorageUnavailableError({ cause: failure.reason });
  }

  /** Stores the original and its thumbnail; when either fails, deletes both before rethrowing. */
  private async storeOne(job: UploadJob): Promise<void> {
    const fields = { imageId: job.imageId, jobId: job.jobId, key: job.key };
    try {
      await Promise.all([
        this.store.put(job.key, job.bytes, job.contentType),
        this.store.put(job.thumbnailKey, job.thumbnail, THUMBNAIL_CONTENT_TYPE),
      ]);
    } catch (error) {
      this.logger.error({ ...fields, ...errorFields(error) }, 'storing the image failed');
      await this.deleteObjects([job]);
      throw error;
    }
    this.logger.info(
      { ...fields, bytes: job.bytes.length, contentType: job.contentType, thumbnailKey: job.thumbnailKey, thumbnailBytes: job.thumbnail.length },
      'image stored',
    );
  }

  /**
   * Publishes the events in request order. When one fails, the objects of the
   * whole request are deleted so that the client's retry starts clean.
   */
  private async publishAll(jobs: readonly UploadJob[]): Promise<void> {
    for (const job of jobs) {
      const fields = { imageId: job.imageId, jobId: job.jobId };
      try {
        const { seq } = await this.publisher.publish(SUBJECTS.imageUploaded, job.event);
        this.logger.info({ ...fields, seq }, 'image queued');
      } catch (error) {
        this.logger.error({ ...fields, ...errorFields(error) }, 'publishing the upload event failed');
        // NOTE: events published for earlier files of this request stay in the
        // stream and now point at deleted objects, so the detector reports
        // them as failed with reason object_missing.
        await this.deleteObjects(jobs);
        throw new QueueUnavailableError({ cause: error });
      }
    }
  }

  /**
   * Deletes the originals and thumbnails of a failed request. Deleting a key never stored succeeds,
   * and a failed delete is logged and leaves an orphan object.
   */
  private async deleteObjects(jobs: readonly UploadJob[]): Promise<void> {
    for (const job of jobs) {
      for (const key of [job.key, job.thumbnailKey]) {
        const fields = { imageId: job.imageId, jobId: job.jobId, key };
        try {
          await this.store.delete(key);
          this.logger.info(fields, 'stored object deleted after a failed upload');
        } catch (error) {
          this.logger.error({ ...fields, ...errorFields(error) }, 'deleting the stored object failed, so the object is orphaned');
        }
      }
    }
  }
}
