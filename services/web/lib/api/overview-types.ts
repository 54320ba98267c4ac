// Response shape of GET /v1/stats/overview.

export interface LabelBucket {
  /** ISO 8601 start of the bucket; each bucket spans `bucketSeconds`. */
  bucketStart: string;
  counts: Record<string, number>;
}

export interface MinuteCount {
  /** ISO 8601 start of the minute. */
  minute: string;
  count: number;
}

export interface RunningDetector {
  detectorId: string;
  executionProvider: string | null;
  model: { id: string; version: string } | null;
  lastSeenAt: string;
}

export interface StatsOverview {
  from: string;
  to: string;
  bucketSeconds: number;
  labelsOverTime: LabelBucket[];
  imagesPerMinute: MinuteCount[];
  queue: { pending: number; inFlight: number };
  detectors: RunningDetector[];
}
