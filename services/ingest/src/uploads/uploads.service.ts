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
import { planUploadJob, type UploadJob } from './upload-job.js';

export interface QueuedImage {
  id: string;
  status: 'queued';
  statusUrl: string;
}

/**
 * Accepts the images of one request all-or-nothing: every file is validated
 * before the first is stored, and a failed store or publish deletes what the
 * request had stored.
 */
@Injectable()
export class UploadsService {
  private readonly logger: Logger;

  constructor(
    private readonly inspector: ImageInspector,
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

    const uploadedAt = new Date();
    const jobs = files.map((file, index) => planUploadJob(file, images[index], this.config.S3_BUCKET, uploadedAt, options));
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

  private async storeOne(job: UploadJob): Promise<void> {
    const fields = { imageId: job.imageId, jobId: job.jobId, key: job.key };
    try {
      await this.store.put(job.key, job.bytes, job.contentType);
    } catch (error) {
      this.logger.error({ ...fields, ...errorFields(error) }, 'storing the image failed');
      throw error;
    }
    this.logger.info({ ...fields, bytes: job.bytes.length, contentType: job.contentType }, 'image stored');
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

  /** Deletes the stored objects of a failed request. A failed delete is logged and leaves an orphan object. */
  private async deleteObjects(jobs: readonly UploadJob[]): Promise<void> {
    for (const job of jobs) {
      const fields = { imageId: job.imageId, jobId: job.jobId, key: job.key };
      try {
        await this.store.delete(job.key);
        this.logger.info(fields, 'stored image deleted after a failed upload');
      } catch (error) {
        this.logger.error({ ...fields, ...errorFields(error) }, 'deleting the stored image failed, so the object is orphaned');
      }
    }
  }
}
