import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { NATS_CONNECTION } from '@lookout/messaging';
import type { Logger } from '@lookout/runtime';
import type { NatsConnection } from '@nats-io/transport-node';
import { DETECTOR_CONFIG, DETECTOR_LOGGER } from '../config/config.tokens.js';
import type { DetectorConfig } from '../config/detector-config.js';
import type { LoadedModel } from '../model/model.service.js';
import { DetectorHeartbeat } from './detector-heartbeat.js';

/**
 * Owns the detector's heartbeat. It starts once the model is loaded, because each heartbeat names
 * the model and execution provider, and it stops before the shared NATS connection drains.
 */
@Injectable()
export class HeartbeatService implements BeforeApplicationShutdown {
  private heartbeat: DetectorHeartbeat | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(DETECTOR_CONFIG) private readonly config: DetectorConfig,
    @Inject(DETECTOR_LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts sending heartbeats for the loaded model. */
  start(model: LoadedModel): void {
    this.heartbeat ??= new DetectorHeartbeat(
      this.nc,
      { detectorId: this.config.detectorId, executionProvider: model.executionProvider, model: model.ref, startedAt: new Date() },
      this.logger,
    );
    this.heartbeat.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.heartbeat?.stop();
  }
}
