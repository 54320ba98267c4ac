import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '@lookout/messaging';
import { errorFields, type Logger } from '@lookout/runtime';
import { ObjectNotFoundError, ObjectStore } from '@lookout/storage';
import { LOGGER } from '../logging/logger.provider.js';
import { withTimeout } from './with-timeout.js';

/** A key that is never written. Reading it proves that the bucket exists and responds. */
const PROBE_KEY = 'health/probe';

/** Maximum wait for one dependency before it counts as unavailable. */
const CHECK_TIMEOUT_MS = 2_000;

export type CheckStatus = 'ok' | 'unavailable';

export interface HealthReport {
  status: CheckStatus;
  checks: { nats: CheckStatus; storage: CheckStatus };
}

/** Checks that NATS completes a round trip and that the images bucket is reachable. */
@Injectable()
export class HealthService {
  private readonly logger: Logger;
  private lastStatus: CheckStatus | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly store: ObjectStore,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'HealthService' });
  }

  async check(): Promise<HealthReport> {
    const [nats, storage] = await Promise.all([
      this.probe('nats', () => this.nc.rtt()),
      this.probe('storage', () => this.checkBucket()),
    ]);
    const status = nats === 'ok' && storage === 'ok' ? 'ok' : 'unavailable';
    // Health endpoints are polled, so only a change of status is logged.
    if (status !== this.lastStatus) {
      this.logger.info({ status, nats, storage }, 'health changed');
      this.lastStatus = status;
    }
    return { status, checks: { nats, storage } };
  }

  /**
   * Reads a key that does not exist. S3 returns NoSuchKey when the bucket is
   * reachable and NoSuchBucket when it is gone. A HEAD request cannot tell
   * the two apart, because its 404 has no body.
   */
  private async checkBucket(): Promise<void> {
    // TODO: use a HeadBucket request once ObjectStore offers one.
    try {
      await this.store.get(PROBE_KEY);
    } catch (error) {
      if (!(error instanceof ObjectNotFoundError)) {
        throw error;
      }
    }
  }

  private async probe(dependency: string, run: () => Promise<unknown>): Promise<CheckStatus> {
    try {
      await withTimeout(run(), CHECK_TIMEOUT_MS);
      return 'ok';
    } catch (error) {
      this.logger.debug({ dependency, ...errorFields(error) }, 'health check failed');
      return 'unavailable';
    }
  }
}
