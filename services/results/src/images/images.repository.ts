import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DetectionsCompletedV1, DetectionsFailedV1, DetectionsStartedV1, ImageUploadedV1 } from '@lookout/contracts';
import { DataSource, type EntityManager } from 'typeorm';

import { DetectionEntity } from './detection.entity.js';
import type { ImageCursor } from './image-cursor.js';
import type { ImageFilter } from './image-filter.js';
import { ImageEntity, type ImageStatus } from './image.entity.js';
import { replacesStoredResult } from './result-precedence.js';
import type { TimelineWrite } from '../timeline/timeline-entry.js';
import { writeTimeline } from '../timeline/timeline-events.writer.js';

/** One image with the detections of the model that produced its current result. */
export interface ImageWithDetections {
  image: ImageEntity;
  detections: DetectionEntity[];
}

export interface ImagePageFilter extends ImageFilter {
  cursor?: ImageCursor;
  /** Rows to return; the caller asks for one more than a page to learn whether another page follows. */
  take: number;
}

/** An image's status after a write, with the `updated_at` that write committed. */
export interface StoredStatus {
  status: ImageStatus;
  updatedAt: Date;
}

interface StoredStatusRow {
  status: ImageStatus;
  updated_at: Date;
}

/**
 * The `updated_at` of a write: the wall clock, but always at least 1 ms after the row's previous
 * value. Writes to one row wait for each other's row lock, so each committed change of an image
 * gets a strictly later `updated_at`, even at millisecond precision and when clocks step back.
 * Status notifications carry it so that subscribers can drop one that arrives out of order.
 */
const NEXT_UPDATED_AT = `greatest(clock_timestamp(), images.updated_at + interval '1 millisecond')`;

/**
 * The only code that reads and writes the `images` and `detections` tables.
 *
 * Events about one image may arrive in any order and more than once, so every write is an upsert
 * that keeps the furthest status. `done` is never replaced by `queued`, `detecting` or `failed`.
 * `failed` is never replaced by `queued` or `detecting`, and `detecting` never by `queued`. Between two results, `replacesStoredResult` decides. The writes are plain SQL because
 * their `on conflict` and locking clauses read more clearly than the query-builder form.
 */
@Injectable()
export class ImagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records an upload and its timeline entries in one transaction. Returns the image's status
   * afterwards, which stays `detecting`, `done` or `failed` if set.
   */
  async saveUploaded(data: ImageUploadedV1, timeline?: TimelineWrite): Promise<StoredStatus> {
    return this.dataSource.transaction(async (manager) => {
      const rows: StoredStatusRow[] = await manager.query(
        `insert into images (id, status, object_key, content_type, bytes, width, height, original_name, pages, options,
                             uploaded_at, updated_at)
         values ($1, 'queued', $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, clock_timestamp())
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
           updated_at = ${NEXT_UPDATED_AT}
         returning status, updated_at`,
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
      if (timeline !== undefined) {
        await writeTimeline(manager, data.imageId, timeline);
      }
      return toStoredStatus(rows[0]!);
    });
  }

  /**
   * Marks a queued image as detecting, creating its row when the start arrives first, and records
   * the start in its timeline. A `detecting`, `done` or `failed` status stays. Returns the status afterwards.
   */
  async saveStarted(data: DetectionsStartedV1, timeline?: TimelineWrite): Promise<StoredStatus> {
    return this.dataSource.transaction(async (manager) => {
      const updated: StoredStatusRow[] = await manager.query(
        `insert into images (id, status, uploaded_at, updated_at) values ($1, 'detecting', $2, clock_timestamp())
         on conflict (id) do update set
           status = 'detecting',
           updated_at = ${NEXT_UPDATED_AT}
         where images.status = 'queued'
         returning status, updated_at`,
        [data.imageId, new Date(data.startedAt)],
      );
      if (timeline !== undefined) {
        await writeTimeline(manager, data.imageId, timeline);
      }
      return updated.length === 0 ? this.lockedStatus(manager, data.imageId) : toStoredStatus(updated[0]!);
    });
  }

  /**
   * Stores a detection result and replaces the image's detections of that model, in one transaction,
   * unless `replacesStoredResult` keeps the stored result. The timeline gets the completion and,
   * when the result was stored, a `stored` entry at the commit's `updated_at`. Returns the status afterwards.
   */
  async saveCompleted(data: DetectionsCompletedV1, timeline?: TimelineWrite): Promise<StoredStatus> {
    return this.dataSource.transaction(async (manager) => {
      const completedAt = new Date(data.completedAt);
      // An image seen first here gets a queued row, so the lock below covers it as well. Its
      // uploaded_at is the result's time until the upload event arrives.
      await manager.query(
        `insert into images (id, status, uploaded_at, updated_at) values ($1, 'queued', $2, clock_timestamp())
         on conflict (id) do nothing`,
        [data.imageId, completedAt],
      );
      // Locks the image row until commit, so a second delivery of the same event waits here and
      // then deletes the detections this one inserts instead of adding a second copy.
      const [stored]: Array<StoredStatusRow & { model_id: string | null; model_version: string | null; completed_at: Date | null }> =
        await manager.query(`select status, model_id, model_version, completed_at, updated_at from images where id = $1 for update`, [data.imageId]);
      const incoming = { modelId: data.model.id, modelVersion: data.model.version, completedAt };
      const current = { status: stored!.status, modelId: stored!.model_id, modelVersion: stored!.model_version, completedAt: stored!.completed_at };
      if (!replacesStoredResult(current, incoming)) {
        if (timeline !== undefined) {
          await writeTimeline(manager, data.imageId, timeline);
        }
        return toStoredStatus(stored!);
      }

      // For an UPDATE, TypeORM's query() returns [rows, affected row count].
      const [[updated]]: [StoredStatusRow[], number] = await manager.query(
        `update images set
           status = 'done',
           width = $2,
           height = $3,
           model_id = $4,
           model_version = $5,
           execution_provider = $6,
           detector_id = $7,
           decode_ms = $8,
           inference_ms = $9,
           total_ms = $10,
           completed_at = $11,
           applied_options = $12::jsonb,
           batch_size = $13,
           failure_reason = null,
           failure_message = null,
           updated_at = ${NEXT_UPDATED_AT}
         where id = $1
         returning status, updated_at`,
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
      if (timeline !== undefined) {
        await writeTimeline(manager, data.imageId, timeline, updated!.updated_at);
      }
      return toStoredStatus(updated!);
    });
  }

  /** Marks an image failed unless it already has a result, and records the failure in its timeline. Returns the status afterwards. */
  async saveFailed(data: DetectionsFailedV1, timeline?: TimelineWrite): Promise<StoredStatus> {
    return this.dataSource.transaction(async (manager) => {
      const failedAt = new Date(data.failedAt);
      const updated: StoredStatusRow[] = await manager.query(
        `insert into images (id, status, failure_reason, failure_message, model_id, model_version, detector_id,
                             uploaded_at, completed_at, updated_at)
         values ($1, 'failed', $2, $3, $4, $5, $6, $7, $7, clock_timestamp())
         on conflict (id) do update set
           status = 'failed',
           failure_reason = excluded.failure_reason,
           failure_message = excluded.failure_message,
           model_id = coalesce(excluded.model_id, images.model_id),
           model_version = coalesce(excluded.model_version, images.model_version),
           detector_id = excluded.detector_id,
           completed_at = excluded.completed_at,
           updated_at = ${NEXT_UPDATED_AT}
         where images.status <> 'done'
         returning status, updated_at`,
        [data.imageId, data.reason, data.message, data.model?.id ?? null, data.model?.version ?? null, data.detectorId, failedAt],
      );
      if (timeline !== undefined) {
        await writeTimeline(manager, data.imageId, timeline);
      }
      return updated.length === 0 ? this.lockedStatus(manager, data.imageId) : toStoredStatus(updated[0]!);
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

  /**
   * Lists images newest first, after the cursor, keeping those that match the filter. The page's
   * ids are found first, from the columns of the covering (uploaded_at, id) index, and only those
   * rows are read, so a filter that skips many images does not read their rows.
   */
  async findPage(filter: ImagePageFilter): Promise<ImageWithDetections[]> {
    const page = this.filteredImages(filter, 'candidate')
      .select('candidate.id')
      .orderBy('candidate.uploadedAt', 'DESC')
      .addOrderBy('candidate.id', 'DESC')
      .limit(filter.take);
    if (filter.cursor !== undefined) {
      // A row comparison matches the (uploaded_at, id) index, so each page starts with an index seek.
      page.andWhere('(candidate.uploadedAt, candidate.id) < (:cursorUploadedAt, :cursorId)', {
        cursorUploadedAt: filter.cursor.uploadedAt,
        cursorId: filter.cursor.id,
      });
    }

    return this.dataSource.transaction(async (manager) => {
      // Starting parallel workers takes longer than the index scans of one page. The planner picks
      // them for a filter that skips many images, where they made a page several times slower.
      await manager.query('set local max_parallel_workers_per_gather = 0');
      const images = await manager
        .getRepository(ImageEntity)
        .createQueryBuilder('image')
        .where(`image.id in (${page.getQuery()})`)
        .setParameters(page.getParameters())
        .orderBy('image.uploadedAt', 'DESC')
        .addOrderBy('image.id', 'DESC')
        .getMany();
      const detections = await this.currentDetections(images, manager);
      return images.map((image) => ({ image, detections: detections.get(image.id) ?? [] }));
    });
  }

  /** Counts the images that match the filter, stopping at `upTo`, so a large match costs no more than `upTo` rows. */
  async countMatching(filter: ImageFilter, upTo: number): Promise<number> {
    const [sql, parameters] = this.filteredImages(filter, 'image').select('1').limit(upTo).getQueryAndParameters();
    const rows: Array<{ count: number }> = await this.dataSource.query(`select count(*)::int as count from (${sql}) matching`, parameters);
    return rows[0]!.count;
  }

  /** Builds a query of the images that match the filter, with detections matched against each image's current model. */
  private filteredImages(filter: ImageFilter, alias: string) {
    const query = this.dataSource.getRepository(ImageEntity).createQueryBuilder(alias);
    if (filter.from !== undefined) {
      query.andWhere(`${alias}.uploadedAt >= :from`, { from: filter.from });
    }
    if (filter.to !== undefined) {
      query.andWhere(`${alias}.uploadedAt < :to`, { to: filter.to });
    }
    if (filter.modelId !== undefined) {
      query.andWhere(`${alias}.modelId = :modelId`, { modelId: filter.modelId });
    }
    if (filter.modelVersion !== undefined) {
      query.andWhere(`${alias}.modelVersion = :modelVersion`, { modelVersion: filter.modelVersion });
    }
    if (filter.status !== undefined) {
      query.andWhere(`${alias}.status = :status`, { status: filter.status });
    }
    if (filter.label !== undefined || filter.minScore !== undefined) {
      const match = query
        .subQuery()
        .select('1')
        .from(DetectionEntity, 'detection')
        .where(`detection.imageId = ${alias}.id`)
        .andWhere(`detection.modelId = ${alias}.modelId`);
      if (filter.label !== undefined) {
        match.andWhere('detection.label = :label', { label: filter.label });
      }
      if (filter.minScore !== undefined) {
        match.andWhere('detection.score >= :minScore', { minScore: filter.minScore });
      }
      query.andWhere(`exists ${match.getQuery()}`).setParameters({ ...query.getParameters(), ...match.getParameters() });
    }
    return query;
  }

  /** Loads the detections of each image's current model, keyed by image id. */
  private async currentDetections(images: ImageEntity[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, DetectionEntity[]>> {
    const byImage = new Map<string, DetectionEntity[]>();
    const withModel = images.filter((image) => image.modelId !== null);
    if (withModel.length === 0) {
      return byImage;
    }

    const rows = await manager
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

  private async lockedStatus(manager: EntityManager, id: string): Promise<StoredStatus> {
    const rows: StoredStatusRow[] = await manager.query(`select status, updated_at from images where id = $1`, [id]);
    return toStoredStatus(rows[0]!);
  }
}

function toStoredStatus(row: StoredStatusRow): StoredStatus {
  return { status: row.status, updatedAt: row.updated_at };
}
