import { Injectable } from '@nestjs/common';

import { bucketStarts, chooseBucketSeconds } from './overview-buckets.js';
import type { OverviewQuery } from './overview-query.js';
import { DetectorQueueReader, type DetectorQueue } from './detector-queue.reader.js';
import { DetectorRegistry, type RunningDetector } from './detector-registry.js';
import { OverviewRepository } from './overview.repository.js';

/** Minutes covered by imagesPerMinute, ending with the current minute. */
export const UPLOAD_RATE_MINUTES = 60;
const MINUTE_MS = 60_000;

/** JSON body of `GET /v1/stats/overview`. Times are ISO 8601 UTC. */
export interface OverviewView {
  from: string;
  to: string;
  bucketSeconds: number;
  /** Every bucket of the range, oldest first, with the detections of each label; a bucket without detections has `{}`. */
  labelsOverTime: Array<{ bucketStart: string; counts: Record<string, number> }>;
  /** Images uploaded in each of the last UPLOAD_RATE_MINUTES minutes, oldest first, the current minute last. */
  imagesPerMinute: Array<{ minute: string; count: number }>;
  queue: DetectorQueue;
  detectors: RunningDetector[];
}

@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OverviewRepository,
    private readonly queue: DetectorQueueReader,
    private readonly detectors: DetectorRegistry,
  ) {}

  /** Gathers the dashboard overview for a range of upload times; the upload rate, queue and detectors are as of `now`. */
  async getOverview(query: OverviewQuery, now: Date): Promise<OverviewView> {
    const bucketSeconds = chooseBucketSeconds(query.from, query.to);
    const firstMinuteMs = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS - (UPLOAD_RATE_MINUTES - 1) * MINUTE_MS;
    const firstMinute = new Date(firstMinuteMs);
    const [labelCounts, uploadCounts, queue] = await Promise.all([
      this.repository.countLabelsPerBucket(query.from, query.to, bucketSeconds),
      this.repository.countUploadsPerMinute(firstMinute, new Date(firstMinuteMs + UPLOAD_RATE_MINUTES * MINUTE_MS)),
      this.queue.read(),
    ]);

    const countsByBucket = new Map<number, Record<string, number>>();
    for (const { bucketStart, label, detections } of labelCounts) {
      const counts = countsByBucket.get(bucketStart.getTime()) ?? {};
      counts[label] = detections;
      countsByBucket.set(bucketStart.getTime(), counts);
    }
    const uploadsByMinute = new Map(uploadCounts.map(({ minute, images }) => [minute.getTime(), images]));

    return {
      from: query.from.toISOString(),
      to: query.to.toISOString(),
      bucketSeconds,
      labelsOverTime: bucketStarts(query.from, query.to, bucketSeconds).map((start) => ({
        bucketStart: start.toISOString(),
        counts: countsByBucket.get(start.getTime()) ?? {},
      })),
      imagesPerMinute: Array.from({ length: UPLOAD_RATE_MINUTES }, (_, index) => {
        const minuteMs = firstMinuteMs + index * MINUTE_MS;
        return { minute: new Date(minuteMs).toISOString(), count: uploadsByMinute.get(minuteMs) ?? 0 };
      }),
      queue,
      detectors: this.detectors.running(now),
    };
  }
}
