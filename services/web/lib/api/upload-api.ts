import { ApiError } from './api-error';
import type { UploadAccepted } from './image-types';
import { send } from './images-api';
import { sendWithProgress, type UploadProgress } from './xhr-request';

const IMAGES_PATH = '/v1/images';
const UPLOADS_PATH = '/v1/uploads';

/** Files above this size go straight to object storage, as ingest's LARGE_UPLOAD_BYTES (8 MiB) expects. */
export const LARGE_UPLOAD_BYTES = 8 * 1024 * 1024;

/** Response of POST /v1/uploads: the presigned URL, method and headers for the PUT of one large file. */
export interface PresignedUpload {
  uploadId: string;
  imageId: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadCallbacks {
  onProgress: (progress: UploadProgress) => void;
  /** Called once every byte is sent, while the server still checks the file. */
  onSent: () => void;
}

/** Uploads one file as the `file` part of a multipart POST /v1/images, reporting the bytes sent. */
export async function uploadMultipart(file: File, callbacks: UploadCallbacks): Promise<UploadAccepted> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await sendWithProgress({
    method: 'POST',
    url: IMAGES_PATH,
    body,
    onProgress: (progress) => {
      callbacks.onProgress(progress);
      if (progress.loaded >= progress.total) {
        callbacks.onSent();
      }
    },
  });
  return (await response.json()) as UploadAccepted;
}

async function createPresignedUpload(file: File): Promise<PresignedUpload | null> {
  try {
    const response = await send(UPLOADS_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: file.name, contentType: file.type || 'application/octet-stream', bytes: file.size }),
    });
    return (await response.json()) as PresignedUpload;
  } catch (error) {
    // An API without direct uploads responds 404 or 405, and then the file goes through ingest instead.
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
      return null;
    }
    throw error;
  }
}

/**
 * Uploads a large file straight to object storage: reserve an upload, PUT the bytes to the presigned URL,
 * then ask ingest to verify and queue it. Falls back to multipart when the API has no /v1/uploads.
 */
export async function uploadLargeFile(file: File, callbacks: UploadCallbacks): Promise<UploadAccepted> {
  const upload = await createPresignedUpload(file);
  if (upload === null) {
    return uploadMultipart(file, callbacks);
  }

  await sendWithProgress({
    method: upload.method,
    url: upload.url,
    body: file,
    headers: upload.headers,
    onProgress: callbacks.onProgress,
  });
  callbacks.onSent();

  const response = await send(`${UPLOADS_PATH}/${encodeURIComponent(upload.uploadId)}/complete`, { method: 'POST' });
  return (await response.json()) as UploadAccepted;
}

/** Uploads one file by the route its size calls for. */
export function uploadFile(file: File, callbacks: UploadCallbacks): Promise<UploadAccepted> {
  return file.size > LARGE_UPLOAD_BYTES ? uploadLargeFile(file, callbacks) : uploadMultipart(file, callbacks);
}
