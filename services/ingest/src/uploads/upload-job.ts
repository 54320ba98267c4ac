import { createEvent, SUBJECTS, type CloudEvent, type DetectionOptions, type ImageUploadedV1 } from '@lookout/contracts';
import type { ImageFile, InspectedImage } from './image-inspector.js';
import { imageObjectKey, thumbnailObjectKey } from './object-keys.js';

/** CloudEvents `source` of the events this service publishes. */
export const EVENT_SOURCE = '/lookout/ingest';

/** The contract limits `originalName` to 255 characters. */
export const MAX_ORIGINAL_NAME_LENGTH = 255;

/** One validated file of a request, with the object keys and the event it will be stored and announced under. */
export interface UploadJob {
  imageId: string;
  /** Id of the `images.uploaded.v1` event, used as the job id in logs downstream. */
  jobId: string;
  key: string;
  bytes: Buffer;
  contentType: string;
  thumbnailKey: string;
  thumbnail: Buffer;
  event: CloudEvent<ImageUploadedV1>;
}

/** Fields of the `images.uploaded.v1` event for one accepted image. */
export interface UploadEventFields {
  imageId: string;
  /** Event id; a new random id when omitted. */
  eventId?: string;
  bucket: string;
  key: string;
  thumbnailKey: string;
  image: InspectedImage;
  byteLength: number;
  originalName: string;
  uploadedAt: Date;
  options: DetectionOptions;
}

/** Builds the upload event of an accepted image. The event carries only the options the client sent. */
export function buildUploadEvent(fields: UploadEventFields): CloudEvent<ImageUploadedV1> {
  const { imageId, bucket, image, uploadedAt, options } = fields;
  const originalName = fields.originalName.slice(0, MAX_ORIGINAL_NAME_LENGTH);
  return createEvent(SUBJECTS.imageUploaded, {
    id: fields.eventId,
    source: EVENT_SOURCE,
    subject: imageId,
    time: uploadedAt,
    data: {
      imageId,
      object: { bucket, key: fields.key },
      contentType: image.contentType,
      format: image.format,
      bytes: fields.byteLength,
      width: image.width,
      height: image.height,
      pages: image.pages,
      ...(originalName.length > 0 ? { originalName } : {}),
      ...(Object.keys(options).length > 0 ? { options } : {}),
      thumbnail: { bucket, key: fields.thumbnailKey },
      uploadedAt: uploadedAt.toISOString(),
    },
  });
}

/** Assigns a new image id and object keys to a validated file and builds its upload event. */
export function planUploadJob(
  file: ImageFile,
  image: InspectedImage,
  thumbnail: Buffer,
  bucket: string,
  uploadedAt: Date,
  options: DetectionOptions = {},
): UploadJob {
  const imageId = crypto.randomUUID();
  const key = imageObjectKey(imageId, image.extension, uploadedAt);
  const thumbnailKey = thumbnailObjectKey(imageId);
  const event = buildUploadEvent({
    imageId,
    bucket,
    key,
    thumbnailKey,
    image,
    byteLength: file.bytes.length,
    originalName: file.originalName,
    uploadedAt,
    options,
  });
  return { imageId, jobId: event.id, key, bytes: file.bytes, contentType: image.contentType, thumbnailKey, thumbnail, event };
}
