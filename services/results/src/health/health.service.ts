import { Inject, Injectable } from '@nestjs/common';
import { errorFields } from '@lookout/runtime';

import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { DatabaseHealthRepository } from './database-health.repository.js';

@Injectable()
export class HealthService {
  private healthy = true;

  constructor(
    private readonly database: DatabaseHealthRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Returns whether PostgreSQL responds to a query. Logs only changes of the outcome, not every probe. */
  async isHealthy(): Promise<boolean> {
    try {
      await this.database.ping();
    } catch (error) {
      if (this.healthy) {
        this.logger.error(errorFields(error), 'database health check failed');
      }
      this.healthy = false;
      return false;
    }
    if (!this.healthy) {
      this.logger.info('database health check passed again');
    }
    this.healthy = true;
    return true;
  }
}
