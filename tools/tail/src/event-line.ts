import { SUBJECTS, type CloudEvent, type EventData, type ModelRef, type Subject } from '@lookout/contracts';

/** A decoded event and its position in its stream. */
export interface TailedEvent<S extends Subject = Subject> {
  subject: S;
  event: CloudEvent<EventData<S>>;
  stream: string;
  seq: number;
}

function modelName(model: ModelRef | undefined): string {
  return model === undefined ? 'unknown model' : `${model.id}@${model.version}`;
}

function describe(tailed: TailedEvent): string {
  switch (tailed.subject) {
    case SUBJECTS.detectionFound: {
      const { data } = (tailed as TailedEvent<typeof SUBJECTS.detectionFound>).event;
      const boxes = data.count === 1 ? '1 box' : `${data.count} boxes`;
      return `found      ${data.label}  ${data.maxScore.toFixed(2)}  ${modelName(data.model)}  ${boxes}`;
    }
    case SUBJECTS.detectionsStarted: {
      const { data } = (tailed as TailedEvent<typeof SUBJECTS.detectionsStarted>).event;
      return `started    attempt ${data.attempt}  ${data.detectorId}  ${data.executionProvider}  ${modelName(data.model)}`;
    }
    case SUBJECTS.detectionsCompleted: {
      const { data } = (tailed as TailedEvent<typeof SUBJECTS.detectionsCompleted>).event;
      return `completed  ${data.detections.length} detections  ${modelName(data.model)}  ${Math.round(data.timings.totalMs)} ms`;
    }
    case SUBJECTS.detectionsFailed: {
      const { data } = (tailed as TailedEvent<typeof SUBJECTS.detectionsFailed>).event;
      return `failed     ${data.reason}: ${data.message}`;
    }
    case SUBJECTS.imageUploaded: {
      const { data } = (tailed as TailedEvent<typeof SUBJECTS.imageUploaded>).event;
      return `uploaded   ${data.originalName ?? data.object.key}  ${data.width}x${data.height} ${data.format}`;
    }
    default:
      // Subjects added to the contracts later still get a line, named by their subject.
      return tailed.subject;
  }
}

/** Formats an event as one readable line: event time, image id, what happened, and the stream position. */
export function eventLine(tailed: TailedEvent): string {
  return `${tailed.event.time}  ${tailed.event.subject}  ${describe(tailed)}  ${tailed.stream}#${tailed.seq}`;
}
