import {
  createEvent,
  SUBJECTS,
  type CloudEvent,
  type DetectionsCompletedV1,
  type DetectionsFailedV1,
  type DetectionsStartedV1,
  type FailureReason,
  type ModelRef,
} from '@lookout/contracts';
import type { DetectionResult } from '../inference/detection-pipeline.js';
import { derivedEventId } from './derived-event-id.js';

export const DETECTOR_SOURCE = '/lookout/detector';

/** Longest `message` the detections.failed.v1 contract accepts. */
const MAX_FAILURE_MESSAGE_LENGTH = 1000;

export interface JobIdentity {
  imageId: string;
  /** Id of the images.uploaded.v1 event that started the job. */
  jobId: string;
  detectorId: string;
}

/**
 * Builds the detections.started.v1 event of one delivery of a job. Its id derives from the job and
 * the attempt, so a delivery that publishes it twice stores one copy and each retry gets its own.
 */
export function startedEvent(job: JobIdentity, model: ModelRef, executionProvider: string, attempt: number, startedAt: Date): CloudEvent<DetectionsStartedV1> {
  return createEvent(SUBJECTS.detectionsStarted, {
    id: derivedEventId(`${job.jobId}\nattempt ${attempt}`, SUBJECTS.detectionsStarted),
    source: DETECTOR_SOURCE,
    subject: job.imageId,
    time: startedAt,
    data: {
      imageId: job.imageId,
      jobId: job.jobId,
      detectorId: job.detectorId,
      model,
      executionProvider,
      attempt,
      startedAt: startedAt.toISOString(),
    },
  });
}

export function completedEvent(
  job: JobIdentity,
  model: ModelRef,
  executionProvider: string,
  result: DetectionResult,
  completedAt: Date,
): CloudEvent<DetectionsCompletedV1> {
  return createEvent(SUBJECTS.detectionsCompleted, {
    id: derivedEventId(job.jobId, SUBJECTS.detectionsCompleted),
    source: DETECTOR_SOURCE,
    subject: job.imageId,
    time: completedAt,
    data: {
      imageId: job.imageId,
      jobId: job.jobId,
      width: result.width,
      height: result.height,
      model,
      executionProvider,
      detectorId: job.detectorId,
      detections: result.detections,
      timings: result.timings,
      completedAt: completedAt.toISOString(),
    },
  });
}

export function failedEvent(
  job: JobIdentity,
  model: ModelRef,
  executionProvider: string,
  reason: FailureReason,
  message: string,
  failedAt: Date,
): CloudEvent<DetectionsFailedV1> {
  return createEvent(SUBJECTS.detectionsFailed, {
    id: derivedEventId(job.jobId, SUBJECTS.detectionsFailed),
    source: DETECTOR_SOURCE,
    subject: job.imageId,
    time: failedAt,
    data: {
      imageId: job.imageId,
      jobId: job.jobId,
      reason,
      message: message.slice(0, MAX_FAILURE_MESSAGE_LENGTH),
      executionProvider,
      model,
      detectorId: job.detectorId,
      failedAt: failedAt.toISOString(),
    },
  });
}
