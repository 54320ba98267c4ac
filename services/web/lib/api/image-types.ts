// Response shapes of the results and ingest HTTP APIs, as the browser receives them.

export const IMAGE_STATUSES = ['queued', 'detecting', 'done', 'failed'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/** Corners of a detection box in pixels of the upright original image. */
export interface BoundingBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Detection {
  label: string;
  classId: number;
  score: number;
  box: BoundingBox;
}

export interface ModelRef {
  id: string;
  version: string;
}

export interface DetectionTimings {
  decodeMs: number;
  inferenceMs: number;
  totalMs: number;
}

export interface ImageFailure {
  reason: string;
  message: string;
}

export interface ImageRecord {
  id: string;
  status: ImageStatus;
  width: number | null;
  height: number | null;
  detections: Detection[];
  model: ModelRef | null;
  executionProvider: string | null;
  timings: DetectionTimings | null;
  uploadedAt: string;
  completedAt: string | null;
  failure: ImageFailure | null;
  originalName: string;
  fileUrl: string;
  /** Stored WebP thumbnail (longest side 320 px). Absent from APIs older than thumbnails, and 404 for images uploaded before them. */
  thumbnailUrl?: string | null;
}

export interface ImagePage {
  images: ImageRecord[];
  nextCursor: string | null;
}

export interface QueuedImage {
  id: string;
  status: 'queued';
  statusUrl: string;
}

export interface UploadAccepted {
  images: QueuedImage[];
}

/** Payload of one `image` server-sent event. */
export interface ImageStatusEvent {
  imageId: string;
  status: ImageStatus;
}
