import { apiErrorFrom, NetworkError } from './api-error';
import type { ImagePage, ImageRecord, UploadAccepted } from './image-types';

// Relative URLs: the gateway (or the AWS load balancer) serves the API and this app on one origin.
const IMAGES_PATH = '/v1/images';

export interface ImageListQuery {
  limit: number;
  cursor?: string | null;
  label?: string;
}

async function send(input: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, { cache: 'no-store', ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new NetworkError(error);
  }

  if (!response.ok) {
    throw await apiErrorFrom(response);
  }
  return response;
}

export async function listImages(query: ImageListQuery, signal?: AbortSignal): Promise<ImagePage> {
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.cursor) {
    params.set('cursor', query.cursor);
  }
  if (query.label) {
    params.set('label', query.label);
  }

  const response = await send(`${IMAGES_PATH}?${params.toString()}`, { signal });
  return (await response.json()) as ImagePage;
}

export async function getImage(id: string, signal?: AbortSignal): Promise<ImageRecord> {
  const response = await send(`${IMAGES_PATH}/${encodeURIComponent(id)}`, { signal });
  return (await response.json()) as ImageRecord;
}

/** Uploads one file as the `file` part of a multipart request and returns the queued image. */
export async function uploadImage(file: File, signal?: AbortSignal): Promise<UploadAccepted> {
  const body = new FormData();
  body.append('file', file, file.name);

  const response = await send(IMAGES_PATH, { method: 'POST', body, signal });
  return (await response.json()) as UploadAccepted;
}
