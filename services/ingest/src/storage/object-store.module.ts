import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@lookout/runtime';
import { ObjectStore } from '@lookout/storage';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest-config.js';
import { LOGGER } from '../logging/logger.provider.js';

/** Provides the ObjectStore of the images bucket, created at start-up when it does not exist yet. */
@Global()
@Module({
  providers: [
    {
      provide: ObjectStore,
      inject: [INGEST_CONFIG, LOGGER],
      useFactory: async (config: IngestConfig, logger: Logger): Promise<ObjectStore> => {
        const store = new ObjectStore({
          endpoint: config.S3_ENDPOINT,
          publicEndpoint: config.S3_PUBLIC_ENDPOINT,
          region: config.S3_REGION,
          bucket: config.S3_BUCKET,
          accessKeyId: config.S3_ACCESS_KEY_ID,
          secretAccessKey: config.S3_SECRET_ACCESS_KEY,
          forcePathStyle: config.S3_FORCE_PATH_STYLE,
        });
        try {
          await store.ensureBucket();
        } catch (error) {
          store.close();
          throw error;
        }
        logger.info({ bucket: config.S3_BUCKET }, 'image bucket ready');
        return store;
      },
    },
  ],
  exports: [ObjectStore],
})
export class ObjectStoreModule implements OnApplicationShutdown {
  constructor(private readonly store: ObjectStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}
