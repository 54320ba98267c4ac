import { createEvent, detectionFoundSubject, SUBJECTS, type CloudEvent, type Detection, type DetectionFoundV1, type ModelRef } from '@lookout/contracts';
import type { DetectionResult } from '../inference/detection-pipeline.js';
import { derivedEventId } from './derived-event-id.js';
import { DETECTOR_SOURCE, type JobIdentity } from './detection-events.js';

/**
 * Builds one detections.found.v1 event per distinct label of a result, highest score first. Each id
 * derives from the job and the label's subject, so a redelivered job repeats the same ids and the
 * stream's duplicate window drops the copies.
 */
export function foundEvents(
  job: JobIdentity,
  model: ModelRef,
  executionProvider: string,
  result: DetectionResult,
  completedAt: Date,
): CloudEvent<DetectionFoundV1>[] {
  return groupByLabel(result.detections).map((detections) => {
    const [best] = detections as [Detection, ...Detection[]];
    return createEvent(SUBJECTS.detectionFound, {
      id: derivedEventId(job.jobId, detectionFoundSubject(best.label)),
      source: DETECTOR_SOURCE,
      subject: job.imageId,
      time: completedAt,
      data: {
        imageId: job.imageId,
        jobId: job.jobId,
        label: best.label,
        classId: best.classId,
        maxScore: best.score,
        count: detections.length,
        detections,
        width: result.width,
        height: result.height,
        model,
        executionProvider,
        completedAt: completedAt.toISOString(),
      },
    });
  });
}

/** Groups detections by label, each group sorted by score and the groups by their best score, both descending. */
function groupByLabel(detections: readonly Detection[]): Detection[][] {
  const groups = new Map<string, Detection[]>();
  for (const detection of detections) {
    const group = groups.get(detection.label) ?? [];
    group.push(detection);
    groups.set(detection.label, group);
  }
  const sorted = [...groups.values()].map((group) => [...group].sort((a, b) => b.score - a.score));
  return sorted.sort((a, b) => b[0]!.score - a[0]!.score);
}
