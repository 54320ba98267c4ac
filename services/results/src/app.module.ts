import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@lookout/messaging';

import { RESULTS_CONFIG, type ResultsConfig } from './config/results-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { EventsController } from './events/events.controller.js';
import { ImageStatusChanges } from './events/image-status-changes.js';
import { DatabaseHealthRepository } from './health/database-health.repository.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { ImageEventsHandler } from './images/image-events.handler.js';
import { ImageFileStore } from './images/image-file.store.js';
import { ImageFilesService } from './images/image-files.service.js';
import { ImagesController } from './images/images.controller.js';
import { ImagesRepository } from './images/images.repository.js';
import { ImagesService } from './images/images.service.js';
import { LOGGER, type Logger } from './logging/logger.provider.js';
import { CocoExportController } from './exports/coco-export.controller.js';
import { CocoExportService } from './exports/coco-export.service.js';
import { NatsRpcResponder } from './rpc/nats-rpc.responder.js';
import { ResultsRpcHandlers } from './rpc/results-rpc.handlers.js';
import { LabelStatsController } from './stats/label-stats.controller.js';
import { LabelStatsRepository } from './stats/label-stats.repository.js';
import { LabelStatsService } from './stats/label-stats.service.js';
import { OverviewModule } from './overview/overview.module.js';
import { TimelineModule } from './timeline/timeline.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

/** Tries to reach PostgreSQL for about 10 seconds at start-up before giving up. */
const DATABASE_CONNECT_ATTEMPTS = 5;
const DATABASE_RETRY_DELAY_MS = 2_000;

export interface AppModuleOptions {
  config: ResultsConfig;
  logger: Logger;
}

@Module({})
export class AppModule {
  static forRoot({ config, logger }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.DATABASE_URL),
          retryAttempts: DATABASE_CONNECT_ATTEMPTS,
          retryDelay: DATABASE_RETRY_DELAY_MS,
        }),
        WebhooksModule.forRoot({ config, logger }),
        TimelineModule,
        OverviewModule.forRoot({ logger }),
        // Core NATS for the image status notifications and the request/reply subjects.
        MessagingModule.forRoot({ url: config.NATS_URL, name: 'results-core', logger }),
      ],
      controllers: [ImagesController, EventsController, HealthController, ImageEventsHandler, LabelStatsController, CocoExportController],
      providers: [
        { provide: RESULTS_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        ImageStatusChanges,
        ImagesRepository,
        ImagesService,
        ImageFileStore,
        ImageFilesService,
        DatabaseHealthRepository,
        HealthService,
        LabelStatsRepository,
        LabelStatsService,
        CocoExportService,
        ResultsRpcHandlers,
        NatsRpcResponder,
      ],
    };
  }
}
