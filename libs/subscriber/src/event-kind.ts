import { SUBJECTS, type DetectionFoundV1, type DetectionsCompletedV1, type Subject } from '@lookout/contracts';

/** The contract a subscription decodes its events with, and the score its `minScore` compares. */
export interface EventKind<T> {
  subject: Subject;
  scoreOf(data: T): number;
}

export const DETECTION_FOUND: EventKind<DetectionFoundV1> = {
  subject: SUBJECTS.detectionFound,
  scoreOf: (data) => data.maxScore,
};

export const DETECTIONS_COMPLETED: EventKind<DetectionsCompletedV1> = {
  subject: SUBJECTS.detectionsCompleted,
  // An image without detections scores 0, so any minScore above 0 skips it.
  scoreOf: (data) => data.detections.reduce((best, detection) => Math.max(best, detection.score), 0),
};
