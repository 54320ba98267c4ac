import { DETECTOR_HEARTBEAT_SUBJECT, detectorHeartbeatV1Schema, type DetectorHeartbeatState, type DetectorHeartbeatV1, type ModelRef } from '@lookout/contracts';
import { errorFields, type Logger } from '@lookout/runtime';
import type { NatsConnection } from '@nats-io/transport-node';

/** Time between two heartbeats of a running detector. */
export const HEARTBEAT_INTERVAL_MS = 10_000;

/** Identity a detector publishes in every heartbeat. */
export interface DetectorIdentity {
  detectorId: string;
  executionProvider: string;
  model: ModelRef;
  /** When the detector began consuming jobs. */
  startedAt: Date;
}

/**
 * Publishes a detector's heartbeat on core NATS: one when started, one every interval, and one
 * with state `stopping` when stopped. A heartbeat that cannot be published is logged and skipped,
 * because the next one replaces it.
 */
export class DetectorHeartbeat {
  private timer: NodeJS.Timeout | undefined;
  private failedPublishes = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly identity: DetectorIdentity,
    private readonly logger: Logger,
    private readonly intervalMs: number = HEARTBEAT_INTERVAL_MS,
  ) {}

  /** Sends the first heartbeat and schedules the next ones. Does nothing when already started. */
  start(): void {
    if (this.timer !== undefined) {
      return;
    }
    this.send('running');
    this.timer = setInterval(() => this.send('running'), this.intervalMs);
    // A heartbeat alone must not keep the process alive after everything else has stopped.
    this.timer.unref();
    this.logger.info({ detectorId: this.identity.detectorId, intervalMs: this.intervalMs }, 'detector heartbeat started');
  }

  /** Stops the schedule, sends the `stopping` heartbeat and waits until the server has received it. */
  async stop(): Promise<void> {
    if (this.timer === undefined) {
      return;
    }
    clearInterval(this.timer);
    this.timer = undefined;
    this.send('stopping');
    try {
      await this.nc.flush();
    } catch (error) {
      this.logger.warn({ detectorId: this.identity.detectorId, ...errorFields(error) }, 'the stopping heartbeat may not have reached NATS');
    }
    this.logger.info({ detectorId: this.identity.detectorId }, 'detector heartbeat stopped');
  }

  private send(state: DetectorHeartbeatState): void {
    const heartbeat: DetectorHeartbeatV1 = detectorHeartbeatV1Schema.parse({
      detectorId: this.identity.detectorId,
      executionProvider: this.identity.executionProvider,
      model: this.identity.model,
      state,
      startedAt: this.identity.startedAt.toISOString(),
      sentAt: new Date().toISOString(),
    });
    try {
      this.nc.publish(DETECTOR_HEARTBEAT_SUBJECT, JSON.stringify(heartbeat));
      if (this.failedPublishes > 0) {
        this.logger.info({ detectorId: this.identity.detectorId, failedPublishes: this.failedPublishes }, 'detector heartbeat published again');
        this.failedPublishes = 0;
      }
    } catch (error) {
      // Logged once per outage, so a long one does not log every interval.
      if (this.failedPublishes === 0) {
        this.logger.warn({ detectorId: this.identity.detectorId, state, ...errorFields(error) }, 'detector heartbeat not published');
      }
      this.failedPublishes += 1;
    }
  }
}
