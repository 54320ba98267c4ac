import { EventEmitter } from 'node:events';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { decodeEvent, SUBJECTS, type CloudEvent, type DetectionsCompletedV1, type DetectionsFailedV1, type EventData } from '@lookout/contracts';
import { waitFor } from '@lookout/testing';

export type DetectionSubject = typeof SUBJECTS.detectionsCompleted | typeof SUBJECTS.detectionsFailed;

export interface DetectionEvent {
  subject: DetectionSubject;
  event: CloudEvent<DetectionsCompletedV1 | DetectionsFailedV1>;
}

/** Records every detections.* event seen on a core NATS subscription, decoded against its contract. */
export class DetectionEventRecorder {
  readonly events: DetectionEvent[] = [];
  private readonly arrivals = new EventEmitter();
  private readonly subscription: Subscription;

  constructor(nc: NatsConnection) {
    this.subscription = nc.subscribe('detections.>');
    void this.record();
  }

  forImage(imageId: string): DetectionEvent[] {
    return this.events.filter(({ event }) => event.data.imageId === imageId);
  }

  /** Waits for the first event of `subject` about `imageId`. */
  async next<S extends DetectionSubject>(subject: S, imageId: string, timeoutMs = 20_000): Promise<CloudEvent<EventData<S>>> {
    const found = await waitFor(() => this.forImage(imageId).find((recorded) => recorded.subject === subject), {
      describe: `${subject} about image ${imageId}`,
      timeoutMs,
      on: { emitter: this.arrivals, event: 'event' },
    });
    return found.event as CloudEvent<EventData<S>>;
  }

  /** Waits until `check` over every event recorded so far returns something other than false, null or undefined. */
  async until<T>(check: (events: readonly DetectionEvent[]) => T | false | null | undefined, describe: string, timeoutMs = 20_000): Promise<T> {
    return waitFor(() => check(this.events), { describe, timeoutMs, on: { emitter: this.arrivals, event: 'event' } });
  }

  stop(): void {
    this.subscription.unsubscribe();
  }

  private async record(): Promise<void> {
    for await (const msg of this.subscription) {
      if (msg.subject === SUBJECTS.detectionsCompleted) {
        this.events.push({ subject: msg.subject, event: decodeEvent(SUBJECTS.detectionsCompleted, msg.data) });
      } else if (msg.subject === SUBJECTS.detectionsFailed) {
        this.events.push({ subject: msg.subject, event: decodeEvent(SUBJECTS.detectionsFailed, msg.data) });
      }
      this.arrivals.emit('event');
    }
  }
}
