import { DiscardPolicy, JetStreamApiError, jetstreamManager, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';

import { DUPLICATE_WINDOW_MS, STREAM_DEFINITIONS } from './stream.constants.js';

// JetStream API error code for "stream name already in use with a different configuration".
const STREAM_NAME_IN_USE = 10058;

/** Returns the configuration of every stream this project owns. */
export function streamConfigs(): Array<Partial<StreamConfig> & Pick<StreamConfig, 'name'>> {
  return STREAM_DEFINITIONS.map((stream) => ({
    name: stream.name,
    subjects: [...stream.subjects],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: nanos(stream.maxAgeMs),
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    num_replicas: 1,
  }));
}

/**
 * Creates the IMAGES, DETECTIONS and DEAD_LETTERS streams, or updates them to the configuration above.
 * Safe to run from every process at start-up: adding an identical stream is a no-op,
 * and a stream created with older settings is updated in place.
 */
export async function ensureStreams(nc: NatsConnection): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const config of streamConfigs()) {
    try {
      await jsm.streams.add(config);
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.code !== STREAM_NAME_IN_USE) {
        throw error;
      }
      await jsm.streams.update(config.name, config);
    }
  }
}
