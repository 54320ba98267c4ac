import { randomUUID } from 'node:crypto';

import { createEvent, SUBJECTS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';

/** Builds a valid images.uploaded.v1 event about a new image id. */
export function imageUploadedEvent(): CloudEvent<ImageUploadedV1> {
  const imageId = randomUUID();
  return createEvent(SUBJECTS.imageUploaded, {
    source: '/lookout/messaging-test',
    subject: imageId,
    data: {
      imageId,
      object: { bucket: 'lookout-images', key: `images/${imageId}.jpg` },
      contentType: 'image/jpeg',
      format: 'jpeg',
      bytes: 2_048,
      width: 640,
      height: 480,
      uploadedAt: new Date().toISOString(),
    },
  });
}
