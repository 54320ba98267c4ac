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
