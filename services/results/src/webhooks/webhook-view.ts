import type { WebhookFilter, WebhookSubject } from './webhook-filter.js';
import type { DeliveryRecord, DeliveryStatus, WebhookRecord } from './webhook.record.js';

/** A webhook as the API returns it. The secret appears only in the registration response. */
export interface WebhookView {
  id: string;
  url: string;
  filter: WebhookFilter;
  description: string | null;
  createdAt: string;
}

export interface CreatedWebhookView extends WebhookView {
  /** Key of the `Lookout-Signature` HMAC. Shown once. */
  secret: string;
}

export interface AttemptView {
  attempt: number;
  attemptedAt: string;
  /** Response status, or null when no response arrived. */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  subject: WebhookSubject;
  imageId: string;
  status: DeliveryStatus;
  attempts: AttemptView[];
  /** When the next attempt is due, while the delivery is pending. */
  nextAttemptAt: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface DeliveryPage {
  deliveries: DeliveryView[];
  nextCursor: string | null;
}

export function toWebhookView(webhook: WebhookRecord): WebhookView {
  return {
    id: webhook.id,
    url: webhook.url,
    filter: webhook.filter,
    description: webhook.description,
    createdAt: webhook.createdAt.toISOString(),
  };
}

export function toDeliveryView(delivery: DeliveryRecord): DeliveryView {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    subject: delivery.subject,
    imageId: delivery.imageId,
    status: delivery.status,
    attempts: delivery.attempts.map((attempt) => ({
      attempt: attempt.attempt,
      attemptedAt: attempt.attemptedAt.toISOString(),
      statusCode: attempt.statusCode,
      error: attempt.error,
      durationMs: attempt.durationMs,
    })),
    nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    completedAt: delivery.completedAt?.toISOString() ?? null,
  };
}
