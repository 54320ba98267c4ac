import { Controller, UseInterceptors } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SUBJECTS, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import type { JetStreamContext } from '@lookout/messaging';
import { JobMetricsInterceptor } from '../metrics/job-metrics.interceptor.js';
import { DetectionJobService } from './detection-job.service.js';

/** Receives images.uploaded.v1 from the detector's durable JetStream consumer. */
@Controller()
export class ImageUploadedHandler {
  constructor(private readonly jobs: DetectionJobService) {}

  @EventPattern<string>(SUBJECTS.imageUploaded)
  @UseInterceptors(JobMetricsInterceptor)
  async handle(@Payload() event: CloudEvent<ImageUploadedV1>, @Ctx() context: JetStreamContext): Promise<void> {
    await this.jobs.process(event, context);
  }
}
