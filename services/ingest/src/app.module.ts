import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MessagingModule } from '@lookout/messaging';
import type { Logger } from '@lookout/runtime';
import { INGEST_CONFIG, type IngestConfig } from './config/ingest-config.js';
import { DirectUploadsModule } from './direct-uploads/direct-uploads.module.js';
import { ErrorResponseFilter } from './errors/error-response.filter.js';
import { HealthModule } from './health/health.module.js';
import { LOGGER, loggerProvider } from './logging/logger.provider.js';
import { ObjectStoreModule } from './storage/object-store.module.js';
import { UploadsModule } from './uploads/uploads.module.js';

/** Client name of the service on NATS and the `service` field of its logs. */
export const SERVICE_NAME = 'ingest';

/** Root module. It is global so that every module can inject the config and the logger. */
@Module({})
export class AppModule {
  static forRoot(config: IngestConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        MessagingModule.forRoot({ url: config.NATS_URL, name: SERVICE_NAME, logger }),
        ObjectStoreModule,
        UploadsModule,
        DirectUploadsModule,
        HealthModule,
      ],
      providers: [
        { provide: INGEST_CONFIG, useValue: config },
        loggerProvider(logger),
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
      ],
      exports: [INGEST_CONFIG, LOGGER],
    };
  }
}
