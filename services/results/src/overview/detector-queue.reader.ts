import { Inject, Injectable } from '@nestjs/common';
import { STREAMS } from '@lookout/contracts';
import { NATS_CONNECTION } from '@lookout/messaging';
import { errorFields } from '@lookout/runtime';
import { JetStreamApiCodes, JetStreamApiError, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

import { LOGGER, type Logger } from '../logging/logger.provider.js';

/**
 * Durable consumer that every detector replica shares. The name is fixed by the detector's
 * deployment; it is repeated here because services share no code but `libs/`.
 */
export const DETECTOR_DURABLE = 'detector';

/** Detection jobs waiting for a detector. Null values mean the count is unknown. */
export interface DetectorQueue {
  /** Jobs not yet delivered to any detector (the consumer's `num_pending`). */
  pending: number | null;
  /** Jobs delivered and not yet acknowledged (the consumer's `num_ack_pending`). */
  inFlight: number | null;
}

const UNKNOWN_QUEUE: DetectorQueue = { pending: null, inFlight: null };

/** Reads the detector consumer's counts from JetStream. */
@Injectable()
export class DetectorQueueReader {
  private readonly logger: Logger;
  private manager: Promise<JetStreamManager> | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'DetectorQueueReader' });
  }

  /**
   * Returns the queue of the IMAGES stream's detector consumer. Before any detector has started,
   * the consumer does not exist and both counts are null. Any other failure is logged and also
   * gives null counts, so the rest of the overview still loads.
   */
  async read(): Promise<DetectorQueue> {
    try {
      // Creating the manager checks that JetStream is enabled, which one check per process settles.
      this.manager ??= jetstreamManager(this.nc);
      const jsm = await this.manager;
      const info = await jsm.consumers.info(STREAMS.images.name, DETECTOR_DURABLE);
      return { pending: info.num_pending, inFlight: info.num_ack_pending };
    } catch (error) {
      const missing = error instanceof JetStreamApiError && (error.code === JetStreamApiCodes.ConsumerNotFound || error.code === JetStreamApiCodes.StreamNotFound);
      if (error instanceof Error && !(error instanceof JetStreamApiError)) {
        this.manager = undefined;
      }
      if (!missing) {
        this.logger.warn({ stream: STREAMS.images.name, durable: DETECTOR_DURABLE, ...errorFields(error) }, 'reading the detector queue failed');
      }
      return UNKNOWN_QUEUE;
    }
  }
}
