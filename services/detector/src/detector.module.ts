import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MessagingModule } from '@lookout/messaging';
import type { Logger } from '@lookout/runtime';
import { ObjectStore } from '@lookout/storage';
import { DETECTOR_CONFIG, DETECTOR_LOGGER } from './config/config.tokens.js';
import type { DetectorConfig } from './config/detector-config.js';
import { HealthController } from './health/health.controller.js';
import { HeartbeatService } from './heartbeat/heartbeat.service.js';
import { DetectionJobService } from './jobs/detection-job.service.js';
import { ImageUploadedHandler } from './jobs/image-uploaded.handler.js';
import { DetectorMetrics } from './metrics/detector-metrics.js';
import { JobMetricsInterceptor } from './metrics/job-metrics.interceptor.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ModelService } from './model/model.service.js';

@Module({})
export class DetectorModule implements OnApplicationShutdown {
  constructor(private readonly objects: ObjectStore) {}

  static forRoot(config: DetectorConfig, logger: Logger): DynamicModule {
    return {
      module: DetectorModule,
      imports: [MessagingModule.forRoot({ url: config.natsUrl, name: `detector-publisher-${config.detectorId}`, logger })],
      controllers: [HealthController, MetricsController, ImageUploadedHandler],
      providers: [
        { provide: DETECTOR_CONFIG, useValue: config },
        { provide: DETECTOR_LOGGER, useValue: logger },
        { provide: ObjectStore, useFactory: () => new ObjectStore({ ...config.s3 }) },
        ModelService,
        DetectionJobService,
        DetectorMetrics,
        JobMetricsInterceptor,
        HeartbeatService,
      ],
    };
  }

  /** Closes the S3 client's connections after the JetStream consumer has finished its jobs. */
  onApplicationShutdown(): void {
    this.objects.close();
  }
}
