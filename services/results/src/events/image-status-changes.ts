import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { NATS_CONNECTION } from '@lookout/messaging';
import { errorFields } from '@lookout/runtime';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Subject, type Observable } from 'rxjs';

import type { ImageStatus } from '../images/image.entity.js';
import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { LatestChangeFilter } from './latest-change-filter.js';
import { IMAGE_STATUS_SUBJECT, imageStatusNotificationSchema, type ImageStatusNotification } from './image-status-notification.js';

/** A committed change of one image's stored state. */
export interface ImageStatusChange {
  imageId: string;
  status: ImageStatus;
  /** `updated_at` of the commit. */
  updatedAt: Date;
}

/**
 * Feed of committed image changes from every replica of this service, read by the server-sent
 * events endpoint. Each JetStream message reaches one replica, so the replica that stored a change
 * publishes it on core NATS and every replica, itself included, receives it from its subscription.
 */
@Injectable()
export class ImageStatusChanges implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly subject = new Subject<ImageStatusChange>();
  private readonly order = new LatestChangeFilter();
  private readonly logger: Logger;
  private subscription: Subscription | undefined;

  /** Completes when the application shuts down, so open event streams end and let the server close. */
  readonly changes: Observable<ImageStatusChange> = this.subject.asObservable();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'ImageStatusChanges' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.nc.subscribe(IMAGE_STATUS_SUBJECT, {
      callback: (error, message) => {
        if (error !== null) {
          this.logger.error(errorFields(error), 'image status subscription failed');
          return;
        }
        this.receive(message.data);
      },
    });
    // The server has registered the subscription once the flush returns, so changes committed
    // after start-up are not missed.
    await this.nc.flush();
  }

  /**
   * Announces a change to every replica. Call only after the transaction that made it has committed.
   * A failed publish is logged, not thrown: the change is stored, and only live clients miss it.
   */
  publish(change: ImageStatusChange): void {
    const notification: ImageStatusNotification = { imageId: change.imageId, status: change.status, updatedAt: change.updatedAt.toISOString() };
    try {
      this.nc.publish(IMAGE_STATUS_SUBJECT, JSON.stringify(notification));
    } catch (error) {
      this.logger.warn({ imageId: change.imageId, ...errorFields(error) }, 'image status notification not published');
    }
  }

  beforeApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subject.complete();
  }

  private receive(data: Uint8Array): void {
    let parsed;
    try {
      parsed = imageStatusNotificationSchema.safeParse(JSON.parse(new TextDecoder().decode(data)));
    } catch (error) {
      this.logger.warn(errorFields(error), 'image status notification is not JSON; dropped');
      return;
    }
    if (!parsed.success) {
      this.logger.warn({ issues: parsed.error.issues.length }, 'invalid image status notification dropped');
      return;
    }

    const change = { imageId: parsed.data.imageId, status: parsed.data.status, updatedAt: new Date(parsed.data.updatedAt) };
    if (this.order.accept(change.imageId, change.updatedAt)) {
      this.subject.next(change);
    }
  }
}
