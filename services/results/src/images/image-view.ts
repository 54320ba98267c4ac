import type { AppliedDetectionOptions, Box, DetectionOptions, FailureReason } from '@lookout/contracts';

import type { DetectionEntity } from './detection.entity.js';
import type { ImageEntity, ImageStatus } from './image.entity.js';

/** JSON body of one image in `GET /v1/images` and `GET /v1/images/:id`. */
export interface ImageView {
  id: string;
  status: ImageStatus;
  /** Null until an event that carries the size arrives. */
  width: number | null;
  height: number | null;
  detections: DetectionView[];
  model: { id: string; version: string } | null;
  executionProvider: string | null;
  timings: { decodeMs: number; inferenceMs: number; totalMs: number } | null;
  /** ISO 8601 time in UTC. */
  uploadedAt: string;
  completedAt: string | null;
  failure: { reason: FailureReason; message: string } | null;
  originalName: string | null;
  /** Frames of an animated GIF or WebP, 1 for a still image; detection ran on the first. Null when unknown. */
  pages: number | null;
  /** Detection options sent with the upload; null when none was sent. */
  options: DetectionOptions | null;
  /** Options the detector used for the current result, its defaults filled in; null before a result. */
  appliedOptions: AppliedDetectionOptions | null;
  /** Images run in the same inference call for the current result; null before a result. */
  batchSize: number | null;
  /** Path of the original file, relative to the API root. */
  fileUrl: string;
  /** Path of the WebP thumbnail, relative to the API root; it returns 404 for images uploaded before thumbnails existed. */
  thumbnailUrl: string;
}

export interface DetectionView {
  label: string;
  classId: number;
  score: number;
  box: Box;
}

/** Maps an image row and its current model's detections to the API shape, best score first. */
export function toImageView(image: ImageEntity, detections: DetectionEntity[]): ImageView {
  return {
    id: image.id,
    status: image.status,
    width: image.width,
    height: image.height,
    detections: [...detections].sort((a, b) => b.score - a.score).map(toDetectionView),
    model: image.modelId === null ? null : { id: image.modelId, version: image.modelVersion ?? '' },
    executionProvider: image.executionProvider,
    timings: toTimings(image),
    uploadedAt: image.uploadedAt.toISOString(),
    completedAt: image.completedAt?.toISOString() ?? null,
    failure: image.failureReason === null ? null : { reason: image.failureReason, message: image.failureMessage ?? '' },
    originalName: image.originalName,
    pages: image.pages,
    options: image.options,
    appliedOptions: image.appliedOptions,
    batchSize: image.batchSize,
    fileUrl: `/v1/images/${image.id}/file`,
    thumbnailUrl: `/v1/images/${image.id}/thumbnail`,
  };
}

function toDetectionView(detection: DetectionEntity): DetectionView {
  return {
    label: detection.label,
    classId: detection.classId,
    score: detection.score,
    box: { x1: detection.x1, y1: detection.y1, x2: detection.x2, y2: detection.y2 },
  };
}

function toTimings(image: ImageEntity): ImageView['timings'] {
  if (image.decodeMs === null || image.inferenceMs === null || image.totalMs === null) {
    return null;
  }
  return { decodeMs: image.decodeMs, inferenceMs: image.inferenceMs, totalMs: image.totalMs };
}
