import { Module, type DynamicModule } from '@nestjs/common';

import type { ResultsConfig } from '../config/results-config.js';
import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import { WebhookEventConsumer } from './webhook-event.consumer.js';
import { WebhookFanOutService } from './webhook-fan-out.service.js';
import { WEBHOOK_SETTINGS, webhookSettingsFrom } from './webhook-settings.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

export interface WebhooksModuleOptions {
  config: ResultsConfig;
  logger: Logger;
}

/**
 * Outgoing webhooks: the `/v1/webhooks` API, the JetStream consumers that queue a delivery per
 * matching webhook, and the worker that sends them. Uses the application's TypeORM DataSource.
 */
@Module({})
export class WebhooksModule {
  static forRoot({ config, logger }: WebhooksModuleOptions): DynamicModule {
    return {
      module: WebhooksModule,
      controllers: [WebhooksController],
      providers: [
        { provide: WEBHOOK_SETTINGS, useValue: webhookSettingsFrom(config) },
        { provide: LOGGER, useValue: logger },
        WebhooksRepository,
        WebhookDeliveriesRepository,
        WebhooksService,
        WebhookDeliveryService,
        WebhookDeliveryWorker,
        WebhookFanOutService,
        WebhookEventConsumer,
      ],
    };
  }
}
