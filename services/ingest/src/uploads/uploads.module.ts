import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest-config.js';
import { MAX_OPTION_PARTS } from './detection-options.parser.js';
import { ImageInspector } from './image-inspector.js';
import { ThumbnailRenderer } from './thumbnail-renderer.js';
import { UploadsController } from './uploads.controller.js';
import { UploadsService } from './uploads.service.js';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [INGEST_CONFIG],
      // Without `storage` or `dest`, multer keeps each file in memory, so a
      // request keeps up to MAX_FILES_PER_REQUEST x MAX_UPLOAD_BYTES bytes.
      // busboy enforces both limits, and the count of text parts, while the body streams in.
      useFactory: (config: IngestConfig) => ({
        limits: { fileSize: config.MAX_UPLOAD_BYTES, files: config.MAX_FILES_PER_REQUEST, fields: MAX_OPTION_PARTS },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [UploadsController],
  providers: [
    UploadsService,
    {
      provide: ImageInspector,
      inject: [INGEST_CONFIG],
      useFactory: (config: IngestConfig) => new ImageInspector(config.MAX_IMAGE_PIXELS),
    },
    {
      provide: ThumbnailRenderer,
      inject: [INGEST_CONFIG],
      useFactory: (config: IngestConfig) => new ThumbnailRenderer(config.MAX_IMAGE_PIXELS),
    },
  ],
  exports: [ImageInspector, ThumbnailRenderer],
})
export class UploadsModule {}
