import { DONE_RECORD, FIXTURE_IMAGE_ID } from './fixture-image.js';

// Records, timelines and overviews in the API's shapes for the dashboard pages. Only fields the pages read vary.

function galleryRecord(index: number, labels: { label: string; score: number }[], uploadedAt: string, thumbnail: boolean) {
  const id = `11111111-2222-4333-8444-${String(index).padStart(12, '0')}`;
  return {
    ...DONE_RECORD,
    id,
    originalName: `photo-${index}.png`,
    uploadedAt,
    completedAt: uploadedAt,
    detections: labels.map(({ label, score }, position) => ({
      label,
      classId: position,
      score,
      box: { x1: 10, y1: 10, x2: 100, y2: 100 },
    })),
    // The fixture server has no thumbnails, so cards with one must fall back to the original.
    fileUrl: `/v1/images/${FIXTURE_IMAGE_ID}/file`,
    thumbnailUrl: thumbnail ? `/v1/images/${id}/thumbnail` : null,
  };
}

export type GalleryRecord = ReturnType<typeof galleryRecord>;

/** Eight images, newest first: five with a dog (scores 0.9 down to 0.5), the rest without. */
export const GALLERY_RECORDS: GalleryRecord[] = [
  galleryRecord(1, [{ label: 'dog', score: 0.9 }, { label: 'person', score: 0.8 }], '2025-03-14T12:00:00.000Z', true),
  galleryRecord(2, [{ label: 'horse', score: 0.85 }], '2025-03-14T11:00:00.000Z', true),
  galleryRecord(3, [{ label: 'dog', score: 0.8 }], '2025-03-13T12:00:00.000Z', false),
  galleryRecord(4, [{ label: 'kite', score: 0.7 }], '2025-03-13T11:00:00.000Z', true),
  galleryRecord(5, [{ label: 'dog', score: 0.7 }, { label: 'bicycle', score: 0.6 }], '2025-03-12T12:00:00.000Z', true),
  galleryRecord(6, [{ label: 'dog', score: 0.6 }], '2025-03-11T12:00:00.000Z', true),
  galleryRecord(7, [{ label: 'giraffe', score: 0.95 }], '2025-03-10T12:00:00.000Z', true),
  galleryRecord(8, [{ label: 'dog', score: 0.5 }], '2025-03-09T12:00:00.000Z', true),
];

/** Filters and pages the gallery records as GET /v1/images does. The cursor is the offset of the next page. */
export function queryGallery(url: URL): { images: GalleryRecord[]; nextCursor: string | null } {
  const label = url.searchParams.get('label');
  const minScore = Number(url.searchParams.get('minScore') ?? '0');
  const from = url.searchParams.get('from');
  const to = url.searchParams.get('to');
  const limit = Number(url.searchParams.get('limit') ?? '24');
  const offset = Number(url.searchParams.get('cursor') ?? '0');

  const matching = GALLERY_RECORDS.filter((record) => {
    const time = Date.parse(record.uploadedAt);
    const labelled = record.detections.filter((detection) => (label === null || detection.label === label) && detection.score >= minScore);
    const wantsDetections = label !== null || url.searchParams.has('minScore');
    return (!wantsDetections || labelled.length > 0) && (from === null || time >= Date.parse(from)) && (to === null || time < Date.parse(to));
  });
  const images = matching.slice(offset, offset + limit);
  return { images, nextCursor: offset + limit < matching.length ? String(offset + limit) : null };
}

export const TIMELINE = {
  events: [
    { type: 'uploaded', at: '2025-03-14T09:26:53.000Z' },
    { type: 'started', at: '2025-03-14T09:26:53.120Z', detectorId: 'detector-a', attempt: 1 },
    { type: 'failed', at: '2025-03-14T09:26:53.300Z', detectorId: 'detector-a', attempt: 1, reason: 'object_missing', message: 'NoSuchKey' },
    { type: 'retried', at: '2025-03-14T09:26:54.310Z', detectorId: 'detector-b', attempt: 2 },
    {
      type: 'completed',
      at: '2025-03-14T09:26:54.400Z',
      detectorId: 'detector-b',
      attempt: 2,
      executionProvider: 'cpu',
      decodeMs: 4.2,
      inferenceMs: 38.5,
      totalMs: 45.1,
    },
  ],
};

export const STORED_EVENT = { type: 'stored', at: '2025-03-14T09:26:54.450Z' };

const BUCKET_START_MS = Date.parse('2025-03-14T09:00:00.000Z');

/** Twelve five-minute buckets with eight labels, so the chart needs its "other labels" segment. */
export const OVERVIEW = {
  from: '2025-03-14T09:00:00.000Z',
  to: '2025-03-14T10:00:00.000Z',
  bucketSeconds: 300,
  labelsOverTime: Array.from({ length: 12 }, (_, position) => ({
    bucketStart: new Date(BUCKET_START_MS + position * 300_000).toISOString(),
    counts: {
      person: 4 + (position % 3),
      dog: position % 4,
      car: 2,
      bicycle: position % 2,
      horse: position === 5 ? 3 : 0,
      kite: 1,
      giraffe: position > 8 ? 2 : 0,
      eagle: position === 0 ? 1 : 0,
    },
  })),
  imagesPerMinute: Array.from({ length: 60 }, (_, minute) => ({
    minute: new Date(BUCKET_START_MS + minute * 60_000).toISOString(),
    count: (minute * 7) % 5,
  })),
  queue: { pending: 7, inFlight: 2 },
  detectors: [
    { detectorId: 'detector-a', executionProvider: 'cuda', model: { id: 'nanodet-g-416', version: '1.0.0' }, lastSeenAt: '2025-03-14T09:59:58.000Z' },
    { detectorId: 'detector-b', executionProvider: 'cpu', model: { id: 'nanodet-g-416', version: '1.0.0' }, lastSeenAt: '2025-03-14T09:59:57.000Z' },
  ],
};
