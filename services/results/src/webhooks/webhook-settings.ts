import type { AllowedHost } from '../config/webhook-variables.js';
import type { ResultsConfig } from '../config/results-config.js';

/** Injection token of the WebhookSettings. */
export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

/** The part of the configuration the webhook providers read. */
export interface WebhookSettings {
  natsUrl: string;
  allowedHosts: readonly AllowedHost[];
  retryBaseMs: number;
  maxAttempts: number;
  pollIntervalMs: number;
}

export function webhookSettingsFrom(config: ResultsConfig): WebhookSettings {
  return {
    natsUrl: config.NATS_URL,
    allowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
    maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    pollIntervalMs: config.WEBHOOK_POLL_INTERVAL_MS,
  };
}
