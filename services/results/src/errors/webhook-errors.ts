import { ResultsError } from './results-errors.js';

/** A field of a webhook registration failed validation. */
export class InvalidWebhookError extends ResultsError {
  readonly code = 'invalid_webhook';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`Invalid webhook field ${field}: ${problem}`);
    this.name = 'InvalidWebhookError';
  }
}

/** The webhook URL is well formed but may not receive requests, for example because it resolves to a private address. */
export class WebhookEndpointRejectedError extends ResultsError {
  readonly code = 'webhook_endpoint_rejected';

  constructor(readonly reason: string) {
    super(`Webhook endpoint rejected: ${reason}`);
    this.name = 'WebhookEndpointRejectedError';
  }
}

export class WebhookNotFoundError extends ResultsError {
  readonly code = 'webhook_not_found';

  constructor(readonly webhookId: string) {
    super(`Webhook ${webhookId} not found`);
    this.name = 'WebhookNotFoundError';
  }
}
