import type { WebhookFilter, WebhookSubject } from './webhook-filter.js';

/** One row of `webhooks`. */
export interface WebhookRecord {
  id: string;
  url: string;
  filter: WebhookFilter;
  description: string | null;
  secret: string;
  createdAt: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One row of `webhook_attempts`: a status code for a received response, an error otherwise. */
export interface AttemptRecord {
  attempt: number;
  attemptedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** One row of `webhook_deliveries` with its attempts, oldest first. */
export interface DeliveryRecord {
  id: string;
  webhookId: string;
  eventId: string;
  subject: WebhookSubject;
  imageId: string;
  status: DeliveryStatus;
  attempts: AttemptRecord[];
  nextAttemptAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
}

/** A due delivery claimed by one worker, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  url: string;
  secret: string;
  eventId: string;
  subject: WebhookSubject;
  imageId: string;
  payload: unknown;
  /** Attempts made before this one. */
  attempts: number;
}
