import { Inject, Injectable } from '@nestjs/common';
import { parseEvent, SUBJECTS, type CloudEvent, type DetectionFoundV1, type DetectionsCompletedV1, type FailureReason, type ImageUploadedV1 } from '@lookout/contracts';
import { EventPublisher, NATS_CONNECTION, PermanentJobError, type JetStreamContext } from '@lookout/messaging';
import { errorFields, type Logger } from '@lookout/runtime';
import { ObjectNotFoundError, ObjectStore } from '@lookout/storage';
import type { NatsConnection } from '@nats-io/transport-node';
import { DETECTOR_CONFIG, DETECTOR_LOGGER } from '../config/config.tokens.js';
import type { DetectorConfig } from '../config/detector-config.js';
import type { DetectionResult } from '../inference/detection-pipeline.js';
import { ImageDecodeError } from '../inference/preprocess.js';
import { DetectorMetrics } from '../metrics/detector-metrics.js';
import { modelLabel, ModelService, type LoadedModel } from '../model/model.service.js';
import { completedEvent, failedEvent, startedEvent, type JobIdentity } from './detection-events.js';
import { foundEvents } from './detection-found-events.js';
import { DetectionFoundPublisher } from './detection-found.publisher.js';

/**
 * Delivery facts the job needs from the JetStream message. The transport itself restarts the
 * ack wait every half ack wait while the handler runs, so the job does not call working().
 */
export type JobDelivery = Pick<JetStreamContext, 'deliveryCount' | 'isLastDelivery'>;

/**
 * Runs one detection job: announces the start with detections.started.v1, fetches the uploaded
 * image, detects objects and publishes the outcome:
 * detections.completed.v1, then one detections.found.v1.<label token> per distinct label.
 * Resolving means JetStream acknowledged every one of those events, so the job may be acked.
 * Throws PermanentJobError after publishing detections.failed.v1 for failures a retry cannot fix,
 * and any other error to have JetStream redeliver the job. On the last delivery that other error
 * follows a detections.failed.v1 with delivery_exhausted, and JetStreamServer then moves the
 * message to the DEAD_LETTERS stream.
 */
@Injectable()
export class DetectionJobService {
  private readonly foundPublisher: DetectionFoundPublisher;

  constructor(
    private readonly models: ModelService,
    private readonly objects: ObjectStore,
    private readonly publisher: EventPublisher,
    @Inject(DETECTOR_CONFIG) private readonly config: DetectorConfig,
    @Inject(DETECTOR_LOGGER) private readonly logger: Logger,
    private readonly metrics: DetectorMetrics,
    @Inject(NATS_CONNECTION) nc: NatsConnection,
  ) {
    this.foundPublisher = new DetectionFoundPublisher(nc, logger);
  }

  async process(event: CloudEvent<ImageUploadedV1>, delivery: JobDelivery): Promise<void> {
    const model = this.models.getModel();
    const job: JobIdentity = { imageId: event.data.imageId, jobId: event.id, detectorId: this.config.detectorId };
    const log = this.logger.child({ imageId: job.imageId, jobId: job.jobId, model: modelLabel(model.ref), deliveryCount: delivery.deliveryCount });
    log.info({ object: event.data.object }, 'detection job started');
    await this.announceStart(job, model, log, delivery);

    const { bucket, key } = event.data.object;
    if (bucket !== this.objects.bucket) {
      // The store reads one configured bucket, so an object elsewhere cannot be fetched by any retry.
      const mismatch = new Error(`Object ${key} is in bucket ${bucket}, but this detector reads bucket ${this.objects.bucket} (S3_BUCKET)`);
      return this.fail(job, model, log, 'object_missing', mismatch);
    }

    let bytes: Uint8Array;
    try {
      bytes = await this.objects.get(key);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        return this.fail(job, model, log, 'object_missing', error);
      }
      // ObjectStoreUnavailableError, and also a missing bucket or a denied request, which an
      // operator can fix while JetStream keeps redelivering.
      return this.retryOrExhaust(job, model, log, delivery, error);
    }

    let result: DetectionResult;
    try {
      result = await model.pipeline.detect(bytes, event.data.options);
    } catch (error) {
      return this.fail(job, model, log, error instanceof ImageDecodeError ? 'decode_failed' : 'inference_failed', error);
    }
    this.metrics.observeDetection(result.timings);

    const completedAt = new Date();
    const completed = withBatchDetails(completedEvent(job, model.ref, model.executionProvider, result, completedAt), result);
    const published = await this.publishOrRetry(job, model, log, delivery, () => this.publisher.publish(SUBJECTS.detectionsCompleted, completed));
    const found = foundEvents(job, model.ref, model.executionProvider, result, completedAt);
    await this.publishFound(found, log);
    log.info(
      {
        detections: result.detections.length,
        labels: result.detections.map((detection) => detection.label),
        timings: result.timings,
        width: result.width,
        height: result.height,
        executionProvider: model.executionProvider,
        appliedOptions: result.appliedOptions,
        batchSize: result.batchSize,
        duplicate: published.duplicate,
        foundEvents: found.length,
      },
      'detection job completed',
    );
  }

  /**
   * Publishes detections.started.v1 before the image is read. The event only feeds the image's
   * status and timeline, so a failed publish is logged and the job goes on.
   */
  private async announceStart(job: JobIdentity, model: LoadedModel, log: Logger, delivery: JobDelivery): Promise<void> {
    const started = startedEvent(job, model.ref, model.executionProvider, delivery.deliveryCount, new Date());
    try {
      await this.publisher.publish(SUBJECTS.detectionsStarted, started);
    } catch (error) {
      log.warn(errorFields(error), 'publishing detections.started.v1 failed; the job continues without it');
    }
  }

  /**
   * Publishes the per-label events one after another, after the completed event is stored. A failure
   * is rethrown so that JetStream delivers the job again, and the repeated events carry the same ids,
   * so the stream drops the copies within its duplicate window. Unlike publishOrRetry, the last
   * delivery publishes no detections.failed.v1, because the completed result is already stored.
   */
  private async publishFound(events: CloudEvent<DetectionFoundV1>[], log: Logger): Promise<void> {
    for (const event of events) {
      try {
        await this.foundPublisher.publish(event);
      } catch (error) {
        log.warn({ ...errorFields(error), label: event.data.label }, 'publishing a detections.found.v1 event failed, so this delivery of the job fails');
        throw error;
      }
    }
  }

  /** Publishes detections.failed.v1 and ends the job without a retry. */
  private async fail(job: JobIdentity, model: LoadedModel, log: Logger, reason: FailureReason, error: unknown): Promise<never> {
    log.warn({ ...errorFields(error), reason }, 'detection job failed');
    const failed = failedEvent(job, model.ref, model.executionProvider, reason, (error as Error).message ?? String(error), new Date());
    await this.publisher.publish(SUBJECTS.detectionsFailed, failed);
    throw new PermanentJobError(reason, `Detection job ${job.jobId} failed: ${reason}`);
  }

  /**
   * Rethrows a transient failure so JetStream redelivers the job. On the last delivery it first
   * reports the job as failed with delivery_exhausted.
   */
  private async retryOrExhaust(job: JobIdentity, model: LoadedModel, log: Logger, delivery: JobDelivery, error: unknown): Promise<never> {
    if (delivery.isLastDelivery) {
      await this.reportExhausted(job, model, log, error);
      throw error;
    }
    log.warn(errorFields(error), 'detection job hit a transient error; JetStream will redeliver it');
    throw error;
  }

  private async publishOrRetry<T>(job: JobIdentity, model: LoadedModel, log: Logger, delivery: JobDelivery, publish: () => Promise<T>): Promise<T> {
    try {
      return await publish();
    } catch (error) {
      log.warn({ ...errorFields(error), willRetry: !delivery.isLastDelivery }, 'publishing the detection result failed');
      if (delivery.isLastDelivery) {
        // The publish may have reached the stream before it failed. results keeps a stored result
        // over a later failure, so the failed event cannot undo it.
        await this.reportExhausted(job, model, log, error);
      }
      throw error;
    }
  }

  /**
   * Publishes detections.failed.v1 with delivery_exhausted before JetStreamServer moves the message
   * to the dead-letter stream. The event id derives from the job, so the spare delivery after a
   * crash publishes it again without a second copy. A failed publish is logged, not raised, so the
   * caller rethrows the job's own error, which the dead letter records.
   */
  private async reportExhausted(job: JobIdentity, model: LoadedModel, log: Logger, error: unknown): Promise<void> {
    log.error({ ...errorFields(error), reason: 'delivery_exhausted' }, 'detection job failed on its last delivery');
    const failed = failedEvent(job, model.ref, model.executionProvider, 'delivery_exhausted', (error as Error).message ?? String(error), new Date());
    try {
      await this.publisher.publish(SUBJECTS.detectionsFailed, failed);
    } catch (publishError) {
      log.error(errorFields(publishError), 'publishing detections.failed.v1 for an exhausted job failed');
    }
  }
}

/** Adds the options the image ran with and its batch size to the completed event, validated against the contract. */
function withBatchDetails(event: CloudEvent<DetectionsCompletedV1>, result: DetectionResult): CloudEvent<DetectionsCompletedV1> {
  return parseEvent(SUBJECTS.detectionsCompleted, {
    ...event,
    data: { ...event.data, appliedOptions: result.appliedOptions, batchSize: result.batchSize },
  });
}
