import { Check, Column, Entity, Index, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import type { AppliedDetectionOptions, DetectionOptions, FailureReason } from '@lookout/contracts';

import { DetectionEntity } from './detection.entity.js';

/** Image statuses in the order an image moves through them; `done` and `failed` are final. */
export const IMAGE_STATUSES = ['queued', 'detecting', 'done', 'failed'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/**
 * One uploaded image and the outcome of its detection job.
 * Fields that only the upload event carries stay null when a detection event arrives first,
 * and `uploaded_at` then contains that event's time until the upload event replaces it.
 */
@Entity({ name: 'images' })
@Check('images_status_check', `status in ('queued', 'detecting', 'done', 'failed')`)
@Index('images_model_id_model_version_uploaded_at_id_idx', ['modelId', 'modelVersion', 'uploadedAt', 'id'])
// The decorator cannot describe INCLUDE columns or a partial index's condition, so the migration
// manages these two and schema sync leaves them alone.
@Index('images_uploaded_at_id_covering_idx', { synchronize: false })
@Index('images_unfinished_uploaded_at_id_idx', { synchronize: false })
export class ImageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  status!: ImageStatus;

  @Column({ name: 'object_key', type: 'text', nullable: true })
  objectKey!: string | null;

  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType!: string | null;

  @Column({ type: 'integer', nullable: true })
  bytes!: number | null;

  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  @Column({ name: 'original_name', type: 'text', nullable: true })
  originalName!: string | null;

  /** Frames of an animated GIF or WebP, 1 for a still image; null when the upload event has no `pages`. */
  @Column({ type: 'integer', nullable: true })
  pages!: number | null;

  /** Detection options sent with the upload; null when none was sent. */
  @Column({ type: 'jsonb', nullable: true })
  options!: DetectionOptions | null;

  /** Options the detector used for the current result, its defaults filled in. */
  @Column({ name: 'applied_options', type: 'jsonb', nullable: true })
  appliedOptions!: AppliedDetectionOptions | null;

  /** Images run in the same inference call as this one for the current result. */
  @Column({ name: 'batch_size', type: 'integer', nullable: true })
  batchSize!: number | null;

  @Column({ name: 'model_id', type: 'text', nullable: true })
  modelId!: string | null;

  @Column({ name: 'model_version', type: 'text', nullable: true })
  modelVersion!: string | null;

  @Column({ name: 'execution_provider', type: 'text', nullable: true })
  executionProvider!: string | null;

  @Column({ name: 'detector_id', type: 'text', nullable: true })
  detectorId!: string | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: FailureReason | null;

  @Column({ name: 'failure_message', type: 'text', nullable: true })
  failureMessage!: string | null;

  @Column({ name: 'decode_ms', type: 'double precision', nullable: true })
  decodeMs!: number | null;

  @Column({ name: 'inference_ms', type: 'double precision', nullable: true })
  inferenceMs!: number | null;

  @Column({ name: 'total_ms', type: 'double precision', nullable: true })
  totalMs!: number | null;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @OneToMany(() => DetectionEntity, (detection) => detection.image)
  detections!: Relation<DetectionEntity[]>;
}
