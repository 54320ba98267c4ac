import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

import { ImageEntity } from './image.entity.js';

/** One object found in an image by one model. */
@Entity({ name: 'detections' })
// A descending column and INCLUDE, which the decorator cannot describe: the migration manages it and schema sync skips it.
@Index('detections_label_score_image_id_idx', { synchronize: false })
@Index('detections_image_id_model_id_label_score_idx', ['imageId', 'modelId', 'label', 'score'])
export class DetectionEntity {
  // pg returns bigint as a string because it may exceed Number.MAX_SAFE_INTEGER.
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'image_id', type: 'uuid' })
  imageId!: string;

  @ManyToOne(() => ImageEntity, (image) => image.detections, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'image_id', foreignKeyConstraintName: 'detections_image_id_fkey' })
  image!: Relation<ImageEntity>;

  @Column({ type: 'text' })
  label!: string;

  @Column({ name: 'class_id', type: 'integer' })
  classId!: number;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'double precision' })
  x1!: number;

  @Column({ type: 'double precision' })
  y1!: number;

  @Column({ type: 'double precision' })
  x2!: number;

  @Column({ type: 'double precision' })
  y2!: number;

  @Column({ name: 'model_id', type: 'text' })
  modelId!: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion!: string;
}
