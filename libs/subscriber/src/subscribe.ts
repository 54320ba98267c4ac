import { detectionFoundSubject, labelToken, STREAMS, SUBJECTS } from '@lookout/contracts';

import type { DurableConsumerSpec } from './durable-consumer.js';
import { DETECTION_FOUND, DETECTIONS_COMPLETED } from './event-kind.js';
import {
  resolveLabels,
  resolveSubscriptionOptions,
  type CompletedSubscriptionOptions,
  type DetectionSubscriptionOptions,
  type ResolvedSubscriptionOptions,
} from './subscription-options.js';
import { startSubscription, type Subscription } from './subscription.js';

/**
 * Delivers detections.found.v1 events (one per label found in an image) to a handler, at least
 * once. Without `labels` one durable named `durable` reads every label. With labels, the server
 * filters by subject, and because nats-server 2.9 allows one filter per consumer, each label gets
 * its own durable `<durable>-<label token>`. Resolves once every durable is open and pulling.
 */
export async function subscribeToDetections(options: DetectionSubscriptionOptions): Promise<Subscription> {
  const resolved = resolveSubscriptionOptions(options);
  const labels = resolveLabels(options.labels);
  let specs: DurableConsumerSpec[];
  if (labels === undefined) {
    specs = [consumerSpec(resolved, resolved.durable, `${SUBJECTS.detectionFound}.*`)];
  } else {
    // Labels that map to the same subject token, such as "traffic light" and "traffic_light", share one durable.
    const tokens = [...new Set(labels.map(labelToken))];
    specs = tokens.map((token) => consumerSpec(resolved, `${resolved.durable}-${token}`, detectionFoundSubject(token)));
  }
  return startSubscription(DETECTION_FOUND, resolved, specs);
}

/** Delivers detections.completed.v1 events (one per image, with every detection) to a handler, at least once. */
export async function subscribeToCompleted(options: CompletedSubscriptionOptions): Promise<Subscription> {
  const resolved = resolveSubscriptionOptions(options);
  return startSubscription(DETECTIONS_COMPLETED, resolved, [consumerSpec(resolved, resolved.durable, SUBJECTS.detectionsCompleted)]);
}

function consumerSpec<T>(options: ResolvedSubscriptionOptions<T>, durable: string, filterSubject: string): DurableConsumerSpec {
  return {
    stream: STREAMS.detections.name,
    durable,
    filterSubject,
    ackWaitMs: options.ackWaitMs,
    maxDeliver: options.maxDeliver,
    startAt: options.startAt,
  };
}
