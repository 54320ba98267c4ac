import { Module, type DynamicModule } from '@nestjs/common';

import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { DetectorQueueReader } from './detector-queue.reader.js';
import { DetectorRegistry } from './detector-registry.js';
import { OverviewController } from './overview.controller.js';
import { OverviewRepository } from './overview.repository.js';
import { OverviewService } from './overview.service.js';

export interface OverviewModuleOptions {
  logger: Logger;
}

/**
 * The `GET /v1/stats/overview` API: time series from PostgreSQL, the detector queue from JetStream
 * and the running detectors from their heartbeats. Uses the application's TypeORM DataSource and
 * its core NATS connection.
 */
@Module({})
export class OverviewModule {
  static forRoot({ logger }: OverviewModuleOptions): DynamicModule {
    return {
      module: OverviewModule,
      controllers: [OverviewController],
      providers: [{ provide: LOGGER, useValue: logger }, OverviewRepository, DetectorQueueReader, DetectorRegistry, OverviewService],
    };
  }
}
