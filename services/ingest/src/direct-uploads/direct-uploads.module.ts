import { Module } from '@nestjs/common';
import type { Logger } from '@lookout/runtime';
import { ObjectStore } from '@lookout/storage';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest-config.js';
import { LOGGER } from '../logging/logger.provider.js';
import { ImageInspector } from '../uploads/image-inspector.js';
import { ThumbnailRenderer } from '../uploads/thumbnail-renderer.js';
import { UploadsModule } from '../uploads/uploads.module.js';
import { DirectUploadsController } from './direct-uploads.controller.js';
import { DirectUploadsService } from './direct-uploads.service.js';
import { StoredUploadVerifier } from './stored-upload.verifier.js';
import { UploadTokenCodec } from './upload-token.js';

@Module({
  imports: [UploadsModule],
  controllers: [DirectUploadsController],
  providers: [
    DirectUploadsService,
    {
      provide: UploadTokenCodec,
      inject: [INGEST_CONFIG, LOGGER],
      useFactory: (config: IngestConfig, logger: Logger) => {
        if (config.UPLOAD_TOKEN_SECRET === undefined) {
          logger.warn('UPLOAD_TOKEN_SECRET is not set, so upload ids complete only on this process; set it on every replica');
        }
        return new UploadTokenCodec(config.UPLOAD_TOKEN_SECRET);
      },
    },
    {
      provide: StoredUploadVerifier,
      inject: [ObjectStore, ImageInspector, ThumbnailRenderer, INGEST_CONFIG],
      useFactory: (store: ObjectStore, inspector: ImageInspector, thumbnails: ThumbnailRenderer, config: IngestConfig) =>
        new StoredUploadVerifier(store, inspector, thumbnails, config.MAX_DIRECT_UPLOAD_BYTES),
    },
  ],
})
export class DirectUploadsModule {}
