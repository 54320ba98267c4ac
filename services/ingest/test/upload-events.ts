import { SUBJECTS, STREAMS, decodeEvent, type CloudEvent, type ImageUploadedV1 } from '@lookout/contracts';
import type { JetStreamManager } from '@nats-io/jetstream';

export interface StoredUploadEvent {
  event: CloudEvent<ImageUploadedV1>;
  /** Value of the `Nats-Msg-Id` header the event was published with. */
  messageId: string | undefined;
}

/** Returns the last sequence number of the IMAGES stream. */
export async function lastImagesSequence(jsm: JetStreamManager): Promise<number> {
  const info = await jsm.streams.info(STREAMS.images.name);
  return info.state.last_seq;
}

/**
 * Reads the `images.uploaded.v1` events stored in the IMAGES stream after
 * `afterSequence` that name `bucket`. Other test files share the stream, so
 * the bucket name distinguishes this file's events.
 */
export async function uploadEventsSince(
  jsm: JetStreamManager,
  afterSequence: number,
  bucket: string,
): Promise<StoredUploadEvent[]> {
  const last = await lastImagesSequence(jsm);
  const events: StoredUploadEvent[] = [];
  for (let seq = afterSequence + 1; seq <= last; seq += 1) {
    const message = await jsm.streams.getMessage(STREAMS.images.name, { seq });
    if (message === null || message.subject !== SUBJECTS.imageUploaded) {
      continue;
    }
    const event = decodeEvent(SUBJECTS.imageUploaded, message.data);
    if (event.data.object.bucket === bucket) {
      events.push({ event, messageId: message.header?.get('Nats-Msg-Id') });
    }
  }
  return events;
}
