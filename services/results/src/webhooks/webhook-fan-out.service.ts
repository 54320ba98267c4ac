import { Inject, Injectable } from '@nestjs/common';
import type { CloudEvent } from '@lookout/contracts';

import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import type { WebhookSubject } from './webhook-filter.js';

/** Turns one detection event into one queued delivery per matching webhook. */
@Injectable()
export class WebhookFanOutService {
  private readonly logger: Logger;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly worker: WebhookDeliveryWorker,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'WebhookFanOutService' });
  }

  /** Queues the deliveries of an event stored in JetStream at `storedAt`. Resolves after the commit. */
  async fanOut(subject: WebhookSubject, event: CloudEvent<unknown>, storedAt: Date): Promise<void> {
    const queued = await this.deliveries.enqueue(subject, event, storedAt);
    for (const delivery of queued) {
      this.logger.info(
        { deliveryId: delivery.id, webhookId: delivery.webhookId, eventId: event.id, imageId: event.subject, subject },
        'webhook delivery queued',
      );
    }
    if (queued.length > 0) {
      this.worker.wake();
    }
  }
}
