import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { errorFields } from '@lookout/runtime';

import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WEBHOOK_REQUEST_TIMEOUT_MS } from './webhook-http.client.js';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings.js';

/** Deliveries one replica sends at once. */
export const DELIVERY_BATCH_SIZE = 10;

/**
 * How long a claimed delivery stays hidden from other replicas. Well above the request timeout,
 * so only a replica that stopped mid-attempt lets another one take the delivery over.
 */
export const DELIVERY_LEASE_MS = WEBHOOK_REQUEST_TIMEOUT_MS * 6;

/**
 * Polls the outbox for due deliveries every WEBHOOK_POLL_INTERVAL_MS and attempts them. Every
 * replica runs one, and the claim query keeps them from sending the same delivery twice at once.
 * A full batch is followed at once by the next, and `wake()` skips the wait after new deliveries.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: () => void = () => undefined;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly delivery: WebhookDeliveryService,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'WebhookDeliveryWorker' });
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
    this.logger.info({ pollIntervalMs: this.settings.pollIntervalMs, batchSize: DELIVERY_BATCH_SIZE }, 'webhook delivery worker started');
  }

  /** Stops polling and waits for the attempts in progress, which end within the request timeout. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wakeUp();
    await this.loop;
    this.logger.info('webhook delivery worker stopped');
  }

  /** Looks for due deliveries now instead of at the next poll. */
  wake(): void {
    this.wakeUp();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const idle = this.nextWake();
      let claimed = 0;
      try {
        claimed = await this.attemptDueBatch();
      } catch (error) {
        this.logger.error(errorFields(error), 'webhook delivery poll failed and will run again at the next interval');
      }
      if (claimed < DELIVERY_BATCH_SIZE) {
        await idle;
      }
    }
  }

  private async attemptDueBatch(): Promise<number> {
    const due = await this.deliveries.claimDue(DELIVERY_BATCH_SIZE, DELIVERY_LEASE_MS);
    await Promise.all(
      due.map(async (claimed) => {
        try {
          await this.delivery.attempt(claimed);
        } catch (error) {
          // Recording failed. The delivery becomes due again when its lease ends.
          this.logger.error(
            { deliveryId: claimed.id, webhookId: claimed.webhookId, eventId: claimed.eventId, imageId: claimed.imageId, ...errorFields(error) },
            'recording a webhook attempt failed',
          );
        }
      }),
    );
    return due.length;
  }

  /**
   * Returns a promise that resolves after the poll interval, on wake() or on stop. It is created
   * before a poll, so a wake() during the poll is not lost.
   */
  private nextWake(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.settings.pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
