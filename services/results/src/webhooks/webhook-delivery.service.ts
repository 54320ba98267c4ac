import { Inject, Injectable } from '@nestjs/common';
import { errorFields } from '@lookout/runtime';

import { WebhookEndpointRejectedError } from '../errors/webhook-errors.js';
import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { deliveryRetryDelayMs } from './delivery-retry-delay.js';
import { checkEndpoint, EndpointLookupError } from './endpoint-guard.js';
import { WebhookDeliveriesRepository, type AttemptOutcome } from './webhook-deliveries.repository.js';
import { postToEndpoint, WebhookRequestError } from './webhook-http.client.js';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings.js';
import { signWebhookBody } from './webhook-signature.js';
import { parseWebhookUrl } from './webhook-url.js';
import type { ClaimedDelivery } from './webhook.record.js';

/** Result of one try: a response status, or an error and whether trying again may help. */
type TryResult = { statusCode: number } | { error: string; retryable: boolean };

/** Makes one attempt of a claimed delivery and records it. */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger: Logger;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'WebhookDeliveryService' });
  }

  /** Sends the delivery once and stores the attempt. A failed request is recorded, so only a database error is thrown. */
  async attempt(delivery: ClaimedDelivery): Promise<void> {
    const attemptedAt = new Date();
    const startedAt = performance.now();
    const result = await this.send(delivery);
    const durationMs = Math.round(performance.now() - startedAt);

    const attemptNumber = delivery.attempts + 1;
    const outcome = this.outcomeOf(result, attemptNumber);
    const statusCode = 'statusCode' in result ? result.statusCode : null;
    let error: string | null = null;
    if ('error' in result) {
      error = result.error;
    } else if (outcome.status !== 'delivered') {
      error = `HTTP status ${result.statusCode}`;
    }

    const recorded = await this.deliveries.recordAttempt(delivery.id, { attemptedAt, statusCode, error, durationMs }, outcome);
    const fields = {
      deliveryId: delivery.id,
      webhookId: delivery.webhookId,
      eventId: delivery.eventId,
      imageId: delivery.imageId,
      subject: delivery.subject,
      attempt: attemptNumber,
      statusCode,
      durationMs,
    };
    if (recorded === undefined) {
      this.logger.info(fields, 'webhook attempt not recorded because the webhook was deleted');
    } else if (outcome.status === 'delivered') {
      this.logger.info(fields, 'webhook delivered');
    } else if (outcome.status === 'pending') {
      this.logger.warn({ ...fields, error, retryInMs: outcome.retryInMs }, 'webhook attempt failed and will be retried');
    } else {
      this.logger.error({ ...fields, error, maxAttempts: this.settings.maxAttempts }, 'webhook delivery failed and will not be retried');
    }
  }

  private async send(delivery: ClaimedDelivery): Promise<TryResult> {
    let endpoint;
    try {
      // The allow-list or DNS may have changed since registration, so both checks run again.
      endpoint = await checkEndpoint(parseWebhookUrl(delivery.url, this.settings.allowedHosts), this.settings.allowedHosts);
    } catch (error) {
      if (error instanceof WebhookEndpointRejectedError) {
        return { error: error.message, retryable: false };
      }
      if (error instanceof EndpointLookupError) {
        return { error: lookupProblem(error), retryable: true };
      }
      // parseWebhookUrl raises InvalidWebhookError only for URLs that registration would have rejected.
      return { error: errorFields(error).err.message, retryable: false };
    }

    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1_000);
    const headers = {
      'Content-Type': 'application/cloudevents+json',
      'User-Agent': 'Lookout-Webhooks/1',
      'Lookout-Event-Id': delivery.eventId,
      'Lookout-Timestamp': String(timestamp),
      'Lookout-Signature': signWebhookBody(delivery.secret, timestamp, body),
    };
    try {
      return { statusCode: await postToEndpoint(endpoint, headers, body) };
    } catch (error) {
      if (error instanceof WebhookRequestError) {
        return { error: error.message, retryable: true };
      }
      throw error;
    }
  }

  private outcomeOf(result: TryResult, attemptNumber: number): AttemptOutcome {
    if ('statusCode' in result && result.statusCode >= 200 && result.statusCode < 300) {
      return { status: 'delivered' };
    }
    const retryable = 'statusCode' in result || result.retryable;
    if (!retryable || attemptNumber >= this.settings.maxAttempts) {
      return { status: 'failed' };
    }
    return { status: 'pending', retryInMs: deliveryRetryDelayMs(attemptNumber, this.settings.retryBaseMs) };
  }
}

function lookupProblem(error: EndpointLookupError): string {
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  return code === undefined ? error.message : `${error.message}: ${code}`;
}
