import { SUBJECTS, type CloudEvent, type DetectionsCompletedV1 } from '@lookout/contracts';

/** Subjects a webhook can receive. */
export const WEBHOOK_SUBJECTS = [SUBJECTS.detectionsCompleted, SUBJECTS.detectionsFailed] as const;

export type WebhookSubject = (typeof WEBHOOK_SUBJECTS)[number];

/** Event selection of a webhook. */
export interface WebhookFilter {
  /** Subjects to receive; both when the registration leaves them out. */
  events: WebhookSubject[];
  /** Only completed events with a detection of one of these labels. */
  labels?: string[];
  /** Only completed events with a detection scoring at least this much (of one of `labels` when given). */
  minScore?: number;
}

/**
 * Tests whether an event passes a webhook's filter. `labels` and `minScore` select among completed
 * events, so a failed event, which has no detections, passes whenever its subject is in `events`.
 */
export function matchesFilter(filter: WebhookFilter, subject: WebhookSubject, event: CloudEvent<unknown>): boolean {
  if (!filter.events.includes(subject)) {
    return false;
  }
  if (subject !== SUBJECTS.detectionsCompleted || (filter.labels === undefined && filter.minScore === undefined)) {
    return true;
  }
  const { detections } = event.data as DetectionsCompletedV1;
  return detections.some(
    (detection) =>
      (filter.labels === undefined || filter.labels.includes(detection.label)) &&
      (filter.minScore === undefined || detection.score >= filter.minScore),
  );
}
