import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });
const nonNegative = z.number().finite().nonnegative();

export const objectRefSchema = z.object({
  bucket: z.string().min(1),
  key: z.string().min(1),
});

export const modelRefSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
});

/** Axis-aligned box in pixels of the upright original image (after EXIF orientation). */
export const boxSchema = z.object({
  x1: nonNegative,
  y1: nonNegative,
  x2: nonNegative,
  y2: nonNegative,
});

export const detectionSchema = z.object({
  label: z.string().min(1),
  classId: z.number().int().nonnegative(),
  score: z.number().min(0).max(1),
  box: boxSchema,
});

/**
 * Detection settings chosen per upload. Each one left out takes the model's default
 * (its manifest, or the detector's SCORE_THRESHOLD, IOU_THRESHOLD and MAX_DETECTIONS).
 */
export const detectionOptionsSchema = z.object({
  /** Boxes scoring below this are dropped before NMS. */
  minScore: z.number().min(0).max(1).optional(),
  /** Boxes overlapping a better box by more than this IoU are suppressed. */
  iouThreshold: z.number().min(0).max(1).optional(),
  /** Labels to keep; every label of the model when absent. */
  classes: z.array(z.string().min(1).max(100)).min(1).max(1000).optional(),
  maxDetections: z.number().int().min(1).max(1000).optional(),
  /** Suppress overlapping boxes across labels instead of within each label. */
  classAgnostic: z.boolean().optional(),
});

/** The settings a detector actually used, defaults filled in. */
export const appliedDetectionOptionsSchema = z.object({
  minScore: z.number().min(0).max(1),
  iouThreshold: z.number().min(0).max(1),
  classes: z.array(z.string().min(1)).nullable(),
  maxDetections: z.number().int().positive(),
  classAgnostic: z.boolean(),
});

export const imageUploadedV1Schema = z.object({
  imageId: z.uuid(),
  object: objectRefSchema,
  contentType: z.string().min(1),
  format: z.string().min(1),
  bytes: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Frames in an animated GIF or WebP; detection runs on the first. */
  pages: z.number().int().positive().optional(),
  originalName: z.string().max(255).optional(),
  options: detectionOptionsSchema.optional(),
  /** WebP preview of the upright first frame, longest side at most 320 px; absent in events from before ingest stored previews. */
  thumbnail: objectRefSchema.optional(),
  uploadedAt: isoTime,
});

export const detectionsStartedV1Schema = z.object({
  imageId: z.uuid(),
  /** Id of the images.uploaded.v1 event that started the job. */
  jobId: z.string().min(1),
  detectorId: z.string().min(1),
  model: modelRefSchema,
  executionProvider: z.string().min(1),
  /** JetStream delivery count of the job: 1 for the first start, higher for each retry. */
  attempt: z.number().int().positive(),
  startedAt: isoTime,
});

export const detectionsCompletedV1Schema = z.object({
  imageId: z.uuid(),
  jobId: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  model: modelRefSchema,
  executionProvider: z.string().min(1),
  detectorId: z.string().min(1),
  detections: z.array(detectionSchema),
  appliedOptions: appliedDetectionOptionsSchema.optional(),
  /** Images run together in one inference call with this one. */
  batchSize: z.number().int().positive().optional(),
  timings: z.object({
    decodeMs: nonNegative,
    inferenceMs: nonNegative,
    totalMs: nonNegative,
  }),
  completedAt: isoTime,
});

/** Reason codes of a detection job that ended without a result. */
export const FAILURE_REASONS = [
  'object_missing',
  'decode_failed',
  'inference_failed',
  'invalid_event',
  'delivery_exhausted',
] as const;

export const detectionsFailedV1Schema = z.object({
  imageId: z.uuid(),
  jobId: z.string().min(1),
  reason: z.enum(FAILURE_REASONS),
  message: z.string().max(1000),
  model: modelRefSchema.optional(),
  /** Execution provider of the detector that gave up, when it had loaded its model. */
  executionProvider: z.string().min(1).optional(),
  detectorId: z.string().min(1),
  failedAt: isoTime,
});

/** One label found in an image: every box of that label, for subscribers that filter by label. */
export const detectionFoundV1Schema = z.object({
  imageId: z.uuid(),
  jobId: z.string().min(1),
  label: z.string().min(1),
  classId: z.number().int().nonnegative(),
  /** Highest score among this label's boxes. */
  maxScore: z.number().min(0).max(1),
  count: z.number().int().positive(),
  detections: z.array(detectionSchema).min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  model: modelRefSchema,
  executionProvider: z.string().min(1),
  completedAt: isoTime,
});

export const DETECTOR_HEARTBEAT_STATES = ['running', 'stopping'] as const;

/**
 * A detector's announcement of itself on DETECTOR_HEARTBEAT_SUBJECT. `startedAt` is when it began
 * consuming jobs and `sentAt` when it sent this heartbeat.
 */
export const detectorHeartbeatV1Schema = z.object({
  detectorId: z.string().min(1),
  executionProvider: z.string().min(1),
  model: modelRefSchema,
  /** `stopping` is sent once at shutdown, so readers can drop the detector before its heartbeats time out. */
  state: z.enum(DETECTOR_HEARTBEAT_STATES),
  startedAt: isoTime,
  sentAt: isoTime,
});

export type ObjectRef = z.infer<typeof objectRefSchema>;
export type ModelRef = z.infer<typeof modelRefSchema>;
export type Box = z.infer<typeof boxSchema>;
export type Detection = z.infer<typeof detectionSchema>;
export type FailureReason = (typeof FAILURE_REASONS)[number];
export type DetectionOptions = z.infer<typeof detectionOptionsSchema>;
export type AppliedDetectionOptions = z.infer<typeof appliedDetectionOptionsSchema>;
export type ImageUploadedV1 = z.infer<typeof imageUploadedV1Schema>;
export type DetectionsStartedV1 = z.infer<typeof detectionsStartedV1Schema>;
export type DetectorHeartbeatV1 = z.infer<typeof detectorHeartbeatV1Schema>;
export type DetectorHeartbeatState = (typeof DETECTOR_HEARTBEAT_STATES)[number];
export type DetectionsCompletedV1 = z.infer<typeof detectionsCompletedV1Schema>;
export type DetectionsFailedV1 = z.infer<typeof detectionsFailedV1Schema>;
export type DetectionFoundV1 = z.infer<typeof detectionFoundV1Schema>;
