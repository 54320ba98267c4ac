import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

import type { ImageStatus } from '../images/image.entity.js';

/** A committed change of one image's stored state. */
export interface ImageStatusChange {
  imageId: string;
  status: ImageStatus;
}

/**
 * In-process feed of committed image changes, read by the server-sent events endpoint.
 *
 * NOTE: each JetStream message reaches one replica of this service, so with several replicas a
 * client only sees the changes that its own replica stored.
 */
@Injectable()
export class ImageStatusChanges implements BeforeApplicationShutdown {
  private readonly subject = new Subject<ImageStatusChange>();

  /** Completes when the application shuts down, so open event streams end and let the server close. */
  readonly changes: Observable<ImageStatusChange> = this.subject.asObservable();

  /** Announces a change. Call only after the transaction that made it has committed. */
  publish(change: ImageStatusChange): void {
    this.subject.next(change);
  }

  beforeApplicationShutdown(): void {
    this.subject.complete();
  }
}
