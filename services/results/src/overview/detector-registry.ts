import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DETECTOR_HEARTBEAT_SUBJECT, detectorHeartbeatV1Schema, type DetectorHeartbeatV1, type ModelRef } from '@lookout/contracts';
import { NATS_CONNECTION } from '@lookout/messaging';
import { errorFields } from '@lookout/runtime';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';

import { LOGGER, type Logger } from '../logging/logger.provider.js';

/**
 * How long a detector counts as running after its last heartbeat: three of the detectors'
 * 10-second intervals, so one lost heartbeat does not drop it.
 */
export const DETECTOR_SEEN_WINDOW_MS = 30_000;

/** A running detector as the overview lists it. */
export interface RunningDetector {
  detectorId: string;
  executionProvider: string;
  model: ModelRef;
  /** When this replica last received a heartbeat from it, in ISO 8601 UTC. */
  lastSeenAt: string;
}

interface LatestHeartbeat {
  heartbeat: DetectorHeartbeatV1;
  receivedAt: Date;
}

/**
 * Keeps the latest heartbeat of each detector in memory, from the core NATS subject every detector
 * publishes on. Every results replica subscribes, so each one lists the same detectors. A restarted
 * replica lists a detector again after its next heartbeat.
 */
@Injectable()
export class DetectorRegistry implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly latest = new Map<string, LatestHeartbeat>();
  private readonly logger: Logger;
  private subscription: Subscription | undefined;
  private invalidHeartbeats = 0;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'DetectorRegistry' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.nc.subscribe(DETECTOR_HEARTBEAT_SUBJECT, {
      callback: (error, message) => {
        if (error !== null) {
          this.logger.error(errorFields(error), 'detector heartbeat subscription failed');
          return;
        }
        this.receive(message.data, new Date());
      },
    });
    // The server has registered the subscription once the flush returns.
    await this.nc.flush();
  }

  beforeApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /** Lists the detectors heard from within DETECTOR_SEEN_WINDOW_MS before `now`, by id, and removes the others. */
  running(now: Date): RunningDetector[] {
    const oldestMs = now.getTime() - DETECTOR_SEEN_WINDOW_MS;
    const detectors: RunningDetector[] = [];
    for (const [detectorId, { heartbeat, receivedAt }] of this.latest) {
      if (receivedAt.getTime() < oldestMs) {
        this.latest.delete(detectorId);
        continue;
      }
      detectors.push({ detectorId, executionProvider: heartbeat.executionProvider, model: heartbeat.model, lastSeenAt: receivedAt.toISOString() });
    }
    return detectors.sort((a, b) => a.detectorId.localeCompare(b.detectorId));
  }

  private receive(data: Uint8Array, receivedAt: Date): void {
    let parsed;
    try {
      parsed = detectorHeartbeatV1Schema.safeParse(JSON.parse(new TextDecoder().decode(data)));
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || !parsed.success) {
      // Counted, and logged at the first and then every hundredth, so a misbehaving publisher cannot flood the log.
      this.invalidHeartbeats += 1;
      if (this.invalidHeartbeats % 100 === 1) {
        this.logger.warn({ invalidHeartbeats: this.invalidHeartbeats }, 'invalid detector heartbeat dropped');
      }
      return;
    }
    const heartbeat = parsed.data;
    const known = this.latest.has(heartbeat.detectorId);
    if (heartbeat.state === 'stopping') {
      this.latest.delete(heartbeat.detectorId);
      this.logger.info({ detectorId: heartbeat.detectorId }, 'detector stopping');
      return;
    }
    this.latest.set(heartbeat.detectorId, { heartbeat, receivedAt });
    if (!known) {
      this.logger.info({ detectorId: heartbeat.detectorId, executionProvider: heartbeat.executionProvider, model: heartbeat.model }, 'detector seen');
    }
  }
}
