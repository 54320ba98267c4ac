import { apiErrorFrom, NetworkError } from './api-error';
import type { ImagePage, ImageRecord } from './image-types';
import type { StatsOverview } from './overview-types';
import type { ImageTimeline } from './timeline-types';

// Relative URLs: the gateway (or the AWS load balancer) serves the API and this app on one origin.
const IMAGES_PATH = '/v1/images';
const OVERVIEW_PATH = '/v1/stats/overview';

/** Filters of GET /v1/images; `from` and `to` are ISO 8601 bounds on the upload time. */
export interface ImageListFilter {
  label?: string;
  minScore?: number;
  from?: string;
  to?: string;
}

export interface ImageListQuery extends ImageListFilter {
  limit: number;
  cursor?: string | null;
}

export async function send(input: string, init: RequestInit = {}): Promise<Response> {
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
  if (query.minScore !== undefined) {
    params.set('minScore', String(query.minScore));
  }
  if (query.from) {
    params.set('from', query.from);
  }
  if (query.to) {
    params.set('to', query.to);
  }

  const response = await send(`${IMAGES_PATH}?${params.toString()}`, { signal });
  return (await response.json()) as ImagePage;
}

export async function getImage(id: string, signal?: AbortSignal): Promise<ImageRecord> {
  const response = await send(`${IMAGES_PATH}/${encodeURIComponent(id)}`, { signal });
  return (await response.json()) as ImageRecord;
}

export async function getTimeline(id: string, signal?: AbortSignal): Promise<ImageTimeline> {
  const response = await send(`${IMAGES_PATH}/${encodeURIComponent(id)}/timeline`, { signal });
  return (await response.json()) as ImageTimeline;
}

export function cocoUrl(id: string): string {
  return `${IMAGES_PATH}/${encodeURIComponent(id)}/coco`;
}

export async function getOverview(range: { from: string; to: string }, signal?: AbortSignal): Promise<StatsOverview> {
  const params = new URLSearchParams(range);
  const response = await send(`${OVERVIEW_PATH}?${params.toString()}`, { signal });
  return (await response.json()) as StatsOverview;
}
