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

export const imageUploadedV1Schema = z.object({
  imageId: z.uuid(),
  object: objectRefSchema,
  contentType: z.string().min(1),
  format: z.string().min(1),
  bytes: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  originalName: z.string().max(255).optional(),
  uploadedAt: isoTime,
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
  timings: z.object({
    decodeMs: nonNegative,
    inferenceMs: nonNegative,
    totalMs: nonNegative,
  }),
  completedAt: isoTime,
});

/** Why a detection job ended without a result. */
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
  detectorId: z.string().min(1),
  failedAt: isoTime,
});

export type ObjectRef = z.infer<typeof objectRefSchema>;
export type ModelRef = z.infer<typeof modelRefSchema>;
export type Box = z.infer<typeof boxSchema>;
export type Detection = z.infer<typeof detectionSchema>;
export type FailureReason = (typeof FAILURE_REASONS)[number];
export type ImageUploadedV1 = z.infer<typeof imageUploadedV1Schema>;
export type DetectionsCompletedV1 = z.infer<typeof detectionsCompletedV1Schema>;
export type DetectionsFailedV1 = z.infer<typeof detectionsFailedV1Schema>;
