// Response shape of GET /v1/images/:id/timeline.

export type TimelineEventType = 'uploaded' | 'started' | 'retried' | 'completed' | 'failed' | 'stored';

export interface TimelineEvent {
  type: TimelineEventType;
  /** ISO 8601 time. */
  at: string;
  detectorId?: string;
  attempt?: number;
  executionProvider?: string;
  decodeMs?: number;
  inferenceMs?: number;
  totalMs?: number;
  reason?: string;
  message?: string;
}

export interface ImageTimeline {
  events: TimelineEvent[];
}
