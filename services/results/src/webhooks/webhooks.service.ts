import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { WebhookEndpointRejectedError, WebhookNotFoundError } from '../errors/webhook-errors.js';
import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { parseCreateWebhookRequest } from './create-webhook-request.js';
import { checkEndpoint, EndpointLookupError } from './endpoint-guard.js';
import { encodeDeliveryCursor, type ListDeliveriesQuery } from './list-deliveries-query.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings.js';
import { createWebhookSecret } from './webhook-signature.js';
import { parseWebhookUrl } from './webhook-url.js';
import { toDeliveryView, toWebhookView, type CreatedWebhookView, type DeliveryPage, type WebhookView } from './webhook-view.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** Registers, lists and deletes webhooks and lists their deliveries. */
@Injectable()
export class WebhooksService {
  private readonly logger: Logger;

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'WebhooksService' });
  }

  /**
   * Validates a registration body, checks that the URL's host resolves only to addresses that
   * may receive webhooks, and stores the webhook with a new signing secret.
   */
  async register(body: unknown): Promise<CreatedWebhookView> {
    const request = parseCreateWebhookRequest(body);
    const url = parseWebhookUrl(request.url, this.settings.allowedHosts);
    try {
      await checkEndpoint(url, this.settings.allowedHosts);
    } catch (error) {
      if (error instanceof EndpointLookupError) {
        throw new WebhookEndpointRejectedError(`${error.host} could not be resolved`);
      }
      throw error;
    }

    const secret = createWebhookSecret();
    const webhook = await this.webhooks.insert({
      id: randomUUID(),
      url: url.href,
      filter: request.filter,
      description: request.description ?? null,
      secret,
    });
    this.logger.info({ webhookId: webhook.id, host: url.host, events: webhook.filter.events }, 'webhook registered');
    return { ...toWebhookView(webhook), secret };
  }

  async list(): Promise<{ webhooks: WebhookView[] }> {
    const webhooks = await this.webhooks.findAll();
    return { webhooks: webhooks.map(toWebhookView) };
  }

  async get(id: string): Promise<WebhookView> {
    const webhook = await this.webhooks.findById(id);
    if (webhook === null) {
      throw new WebhookNotFoundError(id);
    }
    return toWebhookView(webhook);
  }

  /** Deletes a webhook with its deliveries, so pending deliveries are not attempted again. */
  async delete(id: string): Promise<void> {
    if (!(await this.webhooks.delete(id))) {
      throw new WebhookNotFoundError(id);
    }
    this.logger.info({ webhookId: id }, 'webhook deleted');
  }

  async listDeliveries(id: string, query: ListDeliveriesQuery): Promise<DeliveryPage> {
    await this.get(id);
    const rows = await this.deliveries.findPage({ webhookId: id, beforeId: query.beforeId, take: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      deliveries: page.map(toDeliveryView),
      nextCursor: rows.length > query.limit && last !== undefined ? encodeDeliveryCursor(last.id) : null,
    };
  }
}
