import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DetectionsCompletedV1, DetectionsFailedV1, ImageUploadedV1 } from '@lookout/contracts';
import { DataSource, type EntityManager } from 'typeorm';

import { DetectionEntity } from './detection.entity.js';
import type { ImageCursor } from './image-cursor.js';
import { ImageEntity, type ImageStatus } from './image.entity.js';

/** One image with the detections of the model that produced its current result. */
export interface ImageWithDetections {
  image: ImageEntity;
  detections: DetectionEntity[];
}

export interface ImagePageFilter {
  label?: string;
  minScore?: number;
  cursor?: ImageCursor;
  /** Rows to return; the caller asks for one more than a page to learn whether another page follows. */
  take: number;
}

/**
 * The only code that reads and writes the `images` and `detections` tables.
 *
 * Events about one image may arrive in any order and more than once, so every write is an upsert
 * that keeps the furthest status: `done` is never replaced by `queued` or `failed`, and `failed`
 * is never replaced by `queued`. The conditional upserts are plain SQL because their
 * `on conflict ... where` clauses read more clearly than the query-builder form.
 */
@Injectable()
export class ImagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records an upload. Returns the image's status afterwards, which stays `done` or `failed` if set. */
  async saveUploaded(data: ImageUploadedV1): Promise<ImageStatus> {
    const rows: Array<{ status: ImageStatus }> = await this.dataSource.query(
      `insert into images (id, status, object_key, content_type, bytes, width, height, original_name, pages, options,
                           uploaded_at, updated_at)
       values ($1, 'queued', $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, now())
       on conflict (id) do update set
         object_key = excluded.object_key,
         content_type = excluded.content_type,
         bytes = excluded.bytes,
         width = coalesce(images.width, excluded.width),
         height = coalesce(images.height, excluded.height),
         original_name = excluded.original_name,
         pages = excluded.pages,
         options = excluded.options,
         uploaded_at = excluded.uploaded_at,
         updated_at = now()
       returning status`,
      [
        data.imageId,
        data.object.key,
        data.contentType,
        data.bytes,
        data.width,
        data.height,
        data.originalName ?? null,
        data.pages ?? null,
        data.options === undefined ? null : JSON.stringify(data.options),
        new Date(data.uploadedAt),
      ],
    );
    return rows[0]!.status;
  }

  /**
   * Stores a detection result and replaces the image's detections of that model, in one transaction.
   * A result older than the stored one (by `completedAt`) changes nothing. Returns the status afterwards.
   */
  async saveCompleted(data: DetectionsCompletedV1): Promise<ImageStatus> {
    return this.dataSource.transaction(async (manager) => {
      const completedAt = new Date(data.completedAt);
      // Locks the image row until commit, so a second delivery of the same event waits here and
      // then deletes the detections this one inserts instead of adding a second copy.
      const updated: Array<{ status: ImageStatus }> = await manager.query(
        `insert into images (id, status, width, height, model_id, model_version, execution_provider, detector_id,
                             decode_ms, inference_ms, total_ms, applied_options, batch_size, uploaded_at, completed_at, updated_at)
         values ($1, 'done', $2, $3, $4, $5, $6, $7, $8, $9, $10, $12::jsonb, $13, $11, $11, now())
         on conflict (id) do update set
           status = 'done',
           width = excluded.width,
           height = excluded.height,
           model_id = excluded.model_id,
           model_version = excluded.model_version,
           execution_provider = excluded.execution_provider,
           detector_id = excluded.detector_id,
           decode_ms = excluded.decode_ms,
           inference_ms = excluded.inference_ms,
           total_ms = excluded.total_ms,
           applied_options = excluded.applied_options,
           batch_size = excluded.batch_size,
           completed_at = excluded.completed_at,
           failure_reason = null,
           failure_message = null,
           updated_at = now()
         where images.status <> 'done' or images.completed_at <= excluded.completed_at
         returning status`,
        [
          data.imageId,
          data.width,
          data.height,
          data.model.id,
          data.model.version,
          data.executionProvider,
          data.detectorId,
          data.timings.decodeMs,
          data.timings.inferenceMs,
          data.timings.totalMs,
          completedAt,
          data.appliedOptions === undefined ? null : JSON.stringify(data.appliedOptions),
          data.batchSize ?? null,
        ],
      );
      if (updated.length === 0) {
        return this.lockedStatus(manager, data.imageId);
      }

      await manager.delete(DetectionEntity, { imageId: data.imageId, modelId: data.model.id });
      if (data.detections.length > 0) {
        await manager.insert(
          DetectionEntity,
          data.detections.map((detection) => ({
            imageId: data.imageId,
            label: detection.label,
            classId: detection.classId,
            score: detection.score,
            ...detection.box,
            modelId: data.model.id,
            modelVersion: data.model.version,
          })),
        );
      }
      return updated[0]!.status;
    });
  }

  /** Marks an image failed unless it already has a result. Returns the status afterwards. */
  async saveFailed(data: DetectionsFailedV1): Promise<ImageStatus> {
    return this.dataSource.transaction(async (manager) => {
      const failedAt = new Date(data.failedAt);
      const updated: Array<{ status: ImageStatus }> = await manager.query(
        `insert into images (id, status, failure_reason, failure_message, model_id, model_version, detector_id,
                             uploaded_at, completed_at, updated_at)
         values ($1, 'failed', $2, $3, $4, $5, $6, $7, $7, now())
         on conflict (id) do update set
           status = 'failed',
           failure_reason = excluded.failure_reason,
           failure_message = excluded.failure_message,
           model_id = coalesce(excluded.model_id, images.model_id),
           model_version = coalesce(excluded.model_version, images.model_version),
           detector_id = excluded.detector_id,
           completed_at = excluded.completed_at,
           updated_at = now()
         where images.status <> 'done'
         returning status`,
        [data.imageId, data.reason, data.message, data.model?.id ?? null, data.model?.version ?? null, data.detectorId, failedAt],
      );
      return updated.length === 0 ? this.lockedStatus(manager, data.imageId) : updated[0]!.status;
    });
  }

  async findById(id: string): Promise<ImageWithDetections | null> {
    const image = await this.dataSource.getRepository(ImageEntity).findOneBy({ id });
    if (image === null) {
      return null;
    }
    const detections = await this.currentDetections([image]);
    return { image, detections: detections.get(image.id) ?? [] };
  }

  /** Returns where an image's original file is stored, without loading its detections. */
  async findFileRef(id: string): Promise<Pick<ImageEntity, 'id' | 'objectKey' | 'contentType' | 'bytes'> | null> {
    return this.dataSource.getRepository(ImageEntity).findOne({
      where: { id },
      select: { id: true, objectKey: true, contentType: true, bytes: true },
    });
  }

  /** Lists images newest first, after the cursor, keeping those with a matching detection of their current model. */
  async findPage(filter: ImagePageFilter): Promise<ImageWithDetections[]> {
    const query = this.dataSource
      .getRepository(ImageEntity)
      .createQueryBuilder('image')
      .orderBy('image.uploadedAt', 'DESC')
      .addOrderBy('image.id', 'DESC')
      .limit(filter.take);

    if (filter.cursor !== undefined) {
      query.andWhere('(image.uploadedAt, image.id) < (:cursorUploadedAt, :cursorId)', {
        cursorUploadedAt: filter.cursor.uploadedAt,
        cursorId: filter.cursor.id,
      });
    }
    if (filter.label !== undefined || filter.minScore !== undefined) {
      const match = query
        .subQuery()
        .select('1')
        .from(DetectionEntity, 'detection')
        .where('detection.imageId = image.id')
        .andWhere('detection.modelId = image.modelId');
      if (filter.label !== undefined) {
        match.andWhere('detection.label = :label', { label: filter.label });
      }
      if (filter.minScore !== undefined) {
        match.andWhere('detection.score >= :minScore', { minScore: filter.minScore });
      }
      query.andWhere(`exists ${match.getQuery()}`).setParameters(match.getParameters());
    }

    const images = await query.getMany();
    const detections = await this.currentDetections(images);
    return images.map((image) => ({ image, detections: detections.get(image.id) ?? [] }));
  }

  /** Loads the detections of each image's current model, keyed by image id. */
  private async currentDetections(images: ImageEntity[]): Promise<Map<string, DetectionEntity[]>> {
    const byImage = new Map<string, DetectionEntity[]>();
    const withModel = images.filter((image) => image.modelId !== null);
    if (withModel.length === 0) {
      return byImage;
    }

    const rows = await this.dataSource
      .getRepository(DetectionEntity)
      .createQueryBuilder('detection')
      .innerJoin(ImageEntity, 'image', 'image.id = detection.imageId and image.modelId = detection.modelId')
      .where('detection.imageId in (:...ids)', { ids: withModel.map((image) => image.id) })
      .orderBy('detection.score', 'DESC')
      .getMany();
    for (const row of rows) {
      const list = byImage.get(row.imageId) ?? [];
      list.push(row);
      byImage.set(row.imageId, list);
    }
    return byImage;
  }

  private async lockedStatus(manager: EntityManager, id: string): Promise<ImageStatus> {
    const rows: Array<{ status: ImageStatus }> = await manager.query(`select status from images where id = $1`, [id]);
    return rows[0]!.status;
  }
}
