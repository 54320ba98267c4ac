import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { STREAMS, SUBJECTS } from '@lookout/contracts';
import { connectNats, ensureStreams, resolveConsumerBinding, type ResolvedConsumerBinding } from '@lookout/messaging';
import { errorFields } from '@lookout/runtime';
import type { NatsConnection } from '@nats-io/transport-node';

import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { WebhookEventPuller } from './webhook-event.puller.js';
import { WebhookFanOutService } from './webhook-fan-out.service.js';
import type { WebhookSubject } from './webhook-filter.js';
import { WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings.js';

const NATS_CLIENT_NAME = 'results-webhooks';

/**
 * The durable consumers of the webhook fan-out, one per subject because nats-server 2.9 accepts one
 * filter subject per consumer. They are separate from the `results-*` consumers that store images,
 * so a webhook failure never delays or repeats storing results. A failing fan-out (the database is
 * down) is retried for about eight minutes, 1 s doubling to 4 min.
 */
export const WEBHOOK_CONSUMERS: ResolvedConsumerBinding[] = [
  { durable: 'results-webhooks-completed', filterSubject: SUBJECTS.detectionsCompleted },
  { durable: 'results-webhooks-failed', filterSubject: SUBJECTS.detectionsFailed },
].map((binding) =>
  resolveConsumerBinding({ ...binding, stream: STREAMS.detections.name, maxDeliver: 10, retryDelay: { initialDelayMs: 1_000, maxDelayMs: 240_000 } }),
);

/**
 * Reads detection events from JetStream on the webhook durables and queues their deliveries.
 * It owns a NATS connection of its own because the JetStreamServer routes each subject to the
 * handlers of every consumer, so two durables on one subject cannot have separate handlers there.
 */
@Injectable()
export class WebhookEventConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private connection: NatsConnection | undefined;
  private pullers: WebhookEventPuller[] = [];

  constructor(
    private readonly fanOut: WebhookFanOutService,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'WebhookEventConsumer' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const nc = await connectNats({ url: this.settings.natsUrl, name: NATS_CLIENT_NAME, logger: this.logger });
    this.connection = nc;
    try {
      await ensureStreams(nc);
      for (const binding of WEBHOOK_CONSUMERS) {
        const subject = binding.filterSubject as WebhookSubject;
        const puller = new WebhookEventPuller(nc, binding, (event, storedAt) => this.fanOut.fanOut(subject, event, storedAt), this.logger);
        await puller.start();
        this.pullers.push(puller);
      }
    } catch (error) {
      this.logger.error(errorFields(error), 'webhook event consumers failed to start');
      await this.onModuleDestroy();
      throw error;
    }
    this.logger.info({ consumers: WEBHOOK_CONSUMERS.map(({ durable, filterSubject }) => ({ durable, filterSubject })) }, 'webhook event consumers started');
  }

  /** Stops pulling, waits for the fan-outs in progress, then drains the connection. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.pullers.map((puller) => puller.stop()));
    this.pullers = [];
    const nc = this.connection;
    this.connection = undefined;
    if (nc !== undefined && !nc.isClosed()) {
      await nc.drain();
    }
  }
}
