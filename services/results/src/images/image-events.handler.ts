import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  SUBJECTS,
  type CloudEvent,
  type DetectionsCompletedV1,
  type DetectionsFailedV1,
  type DetectionsStartedV1,
  type ImageUploadedV1,
} from '@lookout/contracts';

import { ImagesService } from './images.service.js';

/**
 * JetStream handlers. Each resolves only after the database commit, so the message is acked
 * after its effect is stored. A thrown error makes the server redeliver the message later.
 */
@Controller()
export class ImageEventsHandler {
  constructor(private readonly images: ImagesService) {}

  @EventPattern<string>(SUBJECTS.imageUploaded)
  async onImageUploaded(@Payload() event: CloudEvent<ImageUploadedV1>): Promise<void> {
    await this.images.recordUploaded(event);
  }

  @EventPattern<string>(SUBJECTS.detectionsStarted)
  async onDetectionsStarted(@Payload() event: CloudEvent<DetectionsStartedV1>): Promise<void> {
    await this.images.recordStarted(event);
  }

  @EventPattern<string>(SUBJECTS.detectionsCompleted)
  async onDetectionsCompleted(@Payload() event: CloudEvent<DetectionsCompletedV1>): Promise<void> {
    await this.images.recordCompleted(event);
  }

  @EventPattern<string>(SUBJECTS.detectionsFailed)
  async onDetectionsFailed(@Payload() event: CloudEvent<DetectionsFailedV1>): Promise<void> {
    await this.images.recordFailed(event);
  }
}
