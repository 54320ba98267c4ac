import { ApiProperty } from '@nestjs/swagger';
import { FAILURE_REASONS, type AppliedDetectionOptions, type DetectionOptions, type FailureReason, type ModelRef } from '@lookout/contracts';

import { IMAGE_STATUSES, type ImageStatus } from '../image.entity.js';
import type { ImageView } from '../image-view.js';
import { DetectionDto } from './detection.dto.js';

class ModelRefDto implements ModelRef {
  @ApiProperty({ example: 'nanodet-g-416' })
  id!: string;

  @ApiProperty({ example: '1.0.0' })
  version!: string;
}

class TimingsDto {
  @ApiProperty({ example: 4.5 })
  decodeMs!: number;

  @ApiProperty({ example: 61.25 })
  inferenceMs!: number;

  @ApiProperty({ example: 70.125 })
  totalMs!: number;
}

class FailureDto {
  @ApiProperty({ enum: FAILURE_REASONS })
  reason!: FailureReason;

  @ApiProperty()
  message!: string;
}

class DetectionOptionsDto implements DetectionOptions {
  @ApiProperty({ required: false, minimum: 0, maximum: 1 })
  minScore?: number;

  @ApiProperty({ required: false, minimum: 0, maximum: 1 })
  iouThreshold?: number;

  @ApiProperty({ required: false, type: [String] })
  classes?: string[];

  @ApiProperty({ required: false, minimum: 1, maximum: 1000 })
  maxDetections?: number;

  @ApiProperty({ required: false })
  classAgnostic?: boolean;
}

class AppliedDetectionOptionsDto implements AppliedDetectionOptions {
  @ApiProperty({ minimum: 0, maximum: 1 })
  minScore!: number;

  @ApiProperty({ minimum: 0, maximum: 1 })
  iouThreshold!: number;

  @ApiProperty({ type: [String], nullable: true, description: 'Null when every label of the model was kept.' })
  classes!: string[] | null;

  @ApiProperty()
  maxDetections!: number;

  @ApiProperty()
  classAgnostic!: boolean;
}

/** OpenAPI schema of one image with its current result. */
export class ImageDto implements ImageView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: IMAGE_STATUSES })
  status!: ImageStatus;

  @ApiProperty({ type: Number, nullable: true, description: 'Null until an event that carries the size arrives.', example: 768 })
  width!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 576 })
  height!: number | null;

  @ApiProperty({ type: [DetectionDto], description: "Detections of the current result's model, best score first." })
  detections!: DetectionDto[];

  @ApiProperty({ type: () => ModelRefDto, nullable: true })
  model!: ModelRefDto | null;

  @ApiProperty({ type: String, nullable: true, example: 'cpu' })
  executionProvider!: string | null;

  @ApiProperty({ type: () => TimingsDto, nullable: true })
  timings!: TimingsDto | null;

  @ApiProperty({ format: 'date-time', description: 'Upload time in UTC.' })
  uploadedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ type: () => FailureDto, nullable: true })
  failure!: FailureDto | null;

  @ApiProperty({ type: String, nullable: true, example: 'dog.jpg' })
  originalName!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Frames of an animated GIF or WebP, 1 for a still image.' })
  pages!: number | null;

  @ApiProperty({ type: () => DetectionOptionsDto, nullable: true, description: 'Detection options sent with the upload.' })
  options!: DetectionOptionsDto | null;

  @ApiProperty({ type: () => AppliedDetectionOptionsDto, nullable: true, description: 'Options the detector used for the current result.' })
  appliedOptions!: AppliedDetectionOptionsDto | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Images run in the same inference call for the current result.' })
  batchSize!: number | null;

  @ApiProperty({ description: 'Path of the original file, relative to the API root.', example: '/v1/images/5b1d0c8e-3c55-4d5e-9a64-1e2f3a4b5c6d/file' })
  fileUrl!: string;

  @ApiProperty({
    description: 'Path of the WebP thumbnail (longest side at most 320 px), relative to the API root. It returns 404 thumbnail_not_found for images uploaded before thumbnails existed.',
    example: '/v1/images/5b1d0c8e-3c55-4d5e-9a64-1e2f3a4b5c6d/thumbnail',
  })
  thumbnailUrl!: string;
}

/** OpenAPI schema of one page of `GET /v1/images`. */
export class ImagePageDto {
  @ApiProperty({ type: [ImageDto] })
  images!: ImageDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page, or null on the last page.' })
  nextCursor!: string | null;
}
