import { createEvent, SUBJECTS, type CloudEvent, type DetectionOptions, type ImageUploadedV1 } from '@lookout/contracts';
import type { ImageFile, InspectedImage } from './image-inspector.js';
import { imageObjectKey } from './object-keys.js';

/** CloudEvents `source` of the events this service publishes. */
export const EVENT_SOURCE = '/lookout/ingest';

/** The contract limits `originalName` to 255 characters. */
const MAX_ORIGINAL_NAME_LENGTH = 255;

/** One validated file of a request, with the object key and the event it will be stored and announced under. */
export interface UploadJob {
  imageId: string;
  /** Id of the `images.uploaded.v1` event, used as the job id in logs downstream. */
  jobId: string;
  key: string;
  bytes: Buffer;
  contentType: string;
  event: CloudEvent<ImageUploadedV1>;
}

/**
 * Assigns a new image id and object key to a validated file and builds its
 * upload event. The event carries only the options the client sent.
 */
export function planUploadJob(
  file: ImageFile,
  image: InspectedImage,
  bucket: string,
  uploadedAt: Date,
  options: DetectionOptions = {},
): UploadJob {
  const imageId = crypto.randomUUID();
  const key = imageObjectKey(imageId, image.extension, uploadedAt);
  const originalName = file.originalName.slice(0, MAX_ORIGINAL_NAME_LENGTH);

  const event = createEvent(SUBJECTS.imageUploaded, {
    source: EVENT_SOURCE,
    subject: imageId,
    time: uploadedAt,
    data: {
      imageId,
      object: { bucket, key },
      contentType: image.contentType,
      format: image.format,
      bytes: file.bytes.length,
      width: image.width,
      height: image.height,
      pages: image.pages,
      ...(originalName.length > 0 ? { originalName } : {}),
      ...(Object.keys(options).length > 0 ? { options } : {}),
      uploadedAt: uploadedAt.toISOString(),
    },
  });
  return { imageId, jobId: event.id, key, bytes: file.bytes, contentType: image.contentType, event };
}
