/**
 * Builds the object key of an upload: `images/YYYY/MM/DD/<imageId>.<extension>`,
 * dated in UTC. The client's file name never reaches the key.
 */
export function imageObjectKey(imageId: string, extension: string, uploadedAt: Date): string {
  const year = uploadedAt.getUTCFullYear();
  const month = String(uploadedAt.getUTCMonth() + 1).padStart(2, '0');
  const day = String(uploadedAt.getUTCDate()).padStart(2, '0');
  return `images/${year}/${month}/${day}/${imageId}.${extension}`;
}

/** Builds the key of an image's WebP thumbnail, which results serves by image id alone. */
export function thumbnailObjectKey(imageId: string): string {
  return `thumbnails/${imageId}.webp`;
}

/** Builds the key a direct upload is PUT under until ingest has checked it. */
export function pendingUploadKey(imageId: string): string {
  return `uploads/pending/${imageId}`;
}
