import type { CloudEvent, DetectionsCompletedV1, DetectionsFailedV1, DetectionsStartedV1, ImageUploadedV1 } from '@lookout/contracts';

/** Kinds of timeline entries, in the order they normally happen; ties in time sort in this order. */
export const TIMELINE_EVENT_TYPES = ['uploaded', 'started', 'retried', 'completed', 'failed', 'stored'] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

/** Facts an entry carries besides its type and time. Each kind sets the fields its event carries. */
export interface TimelineDetails {
  detectorId?: string;
  attempt?: number;
  executionProvider?: string;
  decodeMs?: number;
  inferenceMs?: number;
  totalMs?: number;
  reason?: string;
  message?: string;
}

/** One row of `timeline_events`, before it is written. */
export interface TimelineEntry {
  imageId: string;
  type: TimelineEventType;
  at: Date;
  details: TimelineDetails;
  /** Unique per entry, so a redelivered event adds nothing: the CloudEvent id, or one derived from it. */
  eventId: string;
}

/** Entries to write in the transaction that applies an event, and the entry for storing its result. */
export interface TimelineWrite {
  entries: TimelineEntry[];
  /** Event id of the `stored` entry, written only when the event's result replaces the stored one. */
  storedEventId?: string;
}

export function uploadedTimeline(event: CloudEvent<ImageUploadedV1>): TimelineWrite {
  return { entries: [{ imageId: event.data.imageId, type: 'uploaded', at: new Date(event.data.uploadedAt), details: {}, eventId: event.id }] };
}

/** Builds the entry of a detection start: `started` for the first delivery, `retried` for a later one. */
export function startedTimeline(event: CloudEvent<DetectionsStartedV1>): TimelineWrite {
  const { imageId, attempt, detectorId, executionProvider, startedAt } = event.data;
  const type = attempt > 1 ? 'retried' : 'started';
  return { entries: [{ imageId, type, at: new Date(startedAt), details: { detectorId, attempt, executionProvider }, eventId: event.id }] };
}

export function completedTimeline(event: CloudEvent<DetectionsCompletedV1>): TimelineWrite {
  const { imageId, detectorId, executionProvider, timings, completedAt } = event.data;
  return {
    entries: [{ imageId, type: 'completed', at: new Date(completedAt), details: { detectorId, executionProvider, ...timings }, eventId: event.id }],
    storedEventId: `${event.id}/stored`,
  };
}

export function failedTimeline(event: CloudEvent<DetectionsFailedV1>): TimelineWrite {
  const { imageId, detectorId, reason, message, failedAt } = event.data;
  return { entries: [{ imageId, type: 'failed', at: new Date(failedAt), details: { detectorId, reason, message }, eventId: event.id }] };
}
