import { subscribeToDetections, type CloudEvent, type DeliveryInfo, type DetectionFoundV1, type SubscriberLogger, type Subscription } from '@lookout/subscriber';

import type { LabelAlertConfig } from './label-alert-config.js';

/** Time a webhook may take to respond before the alert counts as failed and is delivered again. */
const WEBHOOK_TIMEOUT_MS = 10_000;

/** The JSON line the example prints, and the body it posts, for each alert. */
export interface LabelAlert {
  alert: 'label_detected';
  label: string;
  score: number;
  boxes: number;
  imageId: string;
  model: string;
  detectedAt: string;
  /** DETECTIONS stream sequence of the event, for `npm run tail -- --from-seq`. */
  streamSequence: number;
}

export interface LabelAlertOutput {
  /** Writes one alert line, for example to stdout. */
  write(line: string): void;
  logger: SubscriberLogger;
}

/**
 * Starts the subscription that turns detections of one label into alerts. An alert is printed
 * after the webhook, if any, has accepted it. A webhook failure throws, so the SDK delivers the
 * event again after a growing delay. Delivery is at least once: a process that stops between the
 * POST and the acknowledgement posts that alert again after a restart.
 */
export async function startLabelAlert(config: LabelAlertConfig, output: LabelAlertOutput): Promise<Subscription> {
  const handleDetection = async (event: CloudEvent<DetectionFoundV1>, info: DeliveryInfo): Promise<void> => {
    const alert: LabelAlert = {
      alert: 'label_detected',
      label: event.data.label,
      score: event.data.maxScore,
      boxes: event.data.count,
      imageId: event.data.imageId,
      model: `${event.data.model.id}@${event.data.model.version}`,
      detectedAt: event.data.completedAt,
      streamSequence: info.streamSequence,
    };
    if (config.webhookUrl !== undefined) {
      await postAlert(config.webhookUrl, alert);
    }
    output.write(JSON.stringify(alert));
  };

  const subscription = await subscribeToDetections({
    servers: config.natsUrl,
    durable: config.durable,
    labels: [config.label],
    minScore: config.minScore,
    handler: handleDetection,
    logger: output.logger,
  });
  output.logger.info(
    { label: config.label, minScore: config.minScore, durables: subscription.durables, webhook: config.webhookUrl?.origin ?? null },
    'label alert started',
  );
  return subscription;
}

async function postAlert(url: URL, alert: LabelAlert): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alert),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  if (!response.ok) {
    throw new Error(`Webhook at ${url.origin} returned HTTP ${response.status} for the alert about image ${alert.imageId}`);
  }
}
