import type { JsonResponse } from './multipart-client.js';

/** Body of `201` to `POST /v1/uploads`. */
export interface CreatedUploadBody {
  uploadId: string;
  imageId: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  expiresAt: string;
}

/** Sends `POST /v1/uploads` with a JSON body, as the dashboard does. */
export async function createUpload(baseUrl: string, body: unknown): Promise<JsonResponse> {
  const response = await fetch(`${baseUrl}/v1/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** PUTs the bytes to the presigned URL with the headers the create response named. */
export async function putToPresignedUrl(upload: CreatedUploadBody, bytes: Buffer): Promise<number> {
  const response = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: new Uint8Array(bytes) });
  await response.arrayBuffer();
  return response.status;
}

/** Sends `POST /v1/uploads/:uploadId/complete`, with detection options as a JSON body when given. */
export async function completeUpload(baseUrl: string, uploadId: string, options?: Record<string, unknown>): Promise<JsonResponse> {
  const init: RequestInit =
    options === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) };
  const response = await fetch(`${baseUrl}/v1/uploads/${encodeURIComponent(uploadId)}/complete`, init);
  return { status: response.status, body: await response.json() };
}
