import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent, DetectionsCompletedV1, DetectionsFailedV1, DetectionsStartedV1, ImageUploadedV1 } from '@lookout/contracts';

import { ImageStatusChanges } from '../events/image-status-changes.js';
import { ImageNotFoundError } from '../errors/results-errors.js';
import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { completedTimeline, failedTimeline, startedTimeline, uploadedTimeline } from '../timeline/timeline-entry.js';
import { encodeCursor } from './image-cursor.js';
import { toImageView, type ImageView } from './image-view.js';
import { ImagesRepository } from './images.repository.js';
import type { ListImagesQuery } from './list-images-query.js';

export interface ImagePage {
  images: ImageView[];
  /** Cursor of the next page, or null on the last page. */
  nextCursor: string | null;
}

/** Stores detection results from events and reads them back for the HTTP API. */
@Injectable()
export class ImagesService {
  private readonly logger: Logger;

  constructor(
    private readonly repository: ImagesRepository,
    private readonly statusChanges: ImageStatusChanges,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'ImagesService' });
  }

  /** Records an uploaded image as queued, unless a detection event already gave it a result. */
  async recordUploaded(event: CloudEvent<ImageUploadedV1>): Promise<void> {
    const { imageId } = event.data;
    // The upload event's id is the job id that the detector copies into its result events.
    const log = this.logger.child({ imageId, jobId: event.id });

    const stored = await this.repository.saveUploaded(event.data, uploadedTimeline(event));
    log.info({ status: stored.status }, 'upload recorded');
    this.statusChanges.publish({ imageId, ...stored });
  }

  /** Marks a queued image as detecting when a detector takes its job; a later status stays. */
  async recordStarted(event: CloudEvent<DetectionsStartedV1>): Promise<void> {
    const { imageId, jobId, detectorId, attempt } = event.data;
    const log = this.logger.child({ imageId, jobId, detectorId, attempt });

    const stored = await this.repository.saveStarted(event.data, startedTimeline(event));
    log.info({ status: stored.status }, 'detection start recorded');
    this.statusChanges.publish({ imageId, ...stored });
  }

  /** Stores a detection result unless the stored one is newer (see `replacesStoredResult`). */
  async recordCompleted(event: CloudEvent<DetectionsCompletedV1>): Promise<void> {
    const { imageId, jobId, model } = event.data;
    const log = this.logger.child({ imageId, jobId, model: `${model.id}@${model.version}` });

    const stored = await this.repository.saveCompleted(event.data, completedTimeline(event));
    log.info({ status: stored.status, detections: event.data.detections.length }, 'detection result recorded');
    this.statusChanges.publish({ imageId, ...stored });
  }

  /** Marks an image failed with the detector's reason, unless it already has a result. */
  async recordFailed(event: CloudEvent<DetectionsFailedV1>): Promise<void> {
    const { imageId, jobId, model, reason } = event.data;
    const log = this.logger.child({ imageId, jobId, model: model === undefined ? undefined : `${model.id}@${model.version}` });

    const stored = await this.repository.saveFailed(event.data, failedTimeline(event));
    log.info({ status: stored.status, reason }, 'detection failure recorded');
    this.statusChanges.publish({ imageId, ...stored });
  }

  /** Returns one image with its detections; throws `ImageNotFoundError`. */
  async getImage(id: string): Promise<ImageView> {
    const found = await this.repository.findById(id);
    if (found === null) {
      throw new ImageNotFoundError(id);
    }
    return toImageView(found.image, found.detections);
  }

  /** Lists images newest first with their detections, one page at a time. */
  async listImages(query: ListImagesQuery): Promise<ImagePage> {
    const { limit, ...filter } = query;
    const rows = await this.repository.findPage({ ...filter, take: limit + 1 });

    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > query.limit && last !== undefined ? encodeCursor({ uploadedAt: last.image.uploadedAt, id: last.image.id }) : null;
    return { images: page.map((row) => toImageView(row.image, row.detections)), nextCursor };
  }
}
