import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DETECTOR_CONFIG } from '../config/config.tokens.js';
import type { DetectorConfig } from '../config/detector-config.js';
import type { DetectionTimings } from '../inference/detection-pipeline.js';
import { ModelService } from '../model/model.service.js';

/** Outcome of one delivery of a job, as counted by `lookout_detector_jobs_total`. */
export type JobOutcome = { outcome: 'completed' } | { outcome: 'retried' } | { outcome: 'failed'; reason: string };

// Seconds. A NanoDet-sized model takes milliseconds on a GPU and tens to hundreds of milliseconds on a CPU.
const STAGE_BUCKETS_S = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
// Seconds. A whole job adds the S3 read, the batch wait and the publish, and slow S3 retries reach several seconds.
const JOB_BUCKETS_S = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The detector's Prometheus metrics, in a registry of their own that `GET /metrics` serves. */
@Injectable()
export class DetectorMetrics {
  readonly registry = new Registry();
  private readonly jobs: Counter<'outcome' | 'reason'>;
  private readonly jobsInFlight: Gauge;
  private readonly jobSeconds: Histogram;
  private readonly decodeSeconds: Histogram;
  private readonly inferenceSeconds: Histogram;

  constructor(@Inject(DETECTOR_CONFIG) config: DetectorConfig, models: ModelService) {
    const registers = [this.registry];
    new Gauge({
      name: 'lookout_detector_info',
      help: 'Always 1 once the model is loaded; the labels name the detector, its model and the execution provider in use.',
      labelNames: ['detector_id', 'model_id', 'model_version', 'execution_provider'],
      registers,
      // Read at scrape time, so the labels follow the model from loading to ready without a separate update.
      collect() {
        this.reset();
        const status = models.getStatus();
        if (status.state === 'ready') {
          this.set(
            { detector_id: config.detectorId, model_id: status.model.id, model_version: status.model.version, execution_provider: status.executionProvider },
            1,
          );
        }
      },
    });
    this.jobs = new Counter({
      name: 'lookout_detector_jobs_total',
      help: 'Deliveries of detection jobs by outcome: completed, failed (with the detections.failed.v1 reason) or retried (redelivered later).',
      labelNames: ['outcome', 'reason'],
      registers,
    });
    this.jobsInFlight = new Gauge({ name: 'lookout_detector_jobs_in_flight', help: 'Detection jobs running now.', registers });
    this.jobSeconds = new Histogram({
      name: 'lookout_detector_job_seconds',
      help: 'Wall time of one delivery of a detection job, from the handler start to its outcome, in seconds.',
      buckets: JOB_BUCKETS_S,
      registers,
    });
    this.decodeSeconds = new Histogram({
      name: 'lookout_detector_decode_seconds',
      help: 'Image decoding and preprocessing time of one job, in seconds.',
      buckets: STAGE_BUCKETS_S,
      registers,
    });
    this.inferenceSeconds = new Histogram({
      name: 'lookout_detector_inference_seconds',
      help: 'Duration of the ONNX session run that included the image (the whole batch when batched), in seconds.',
      buckets: STAGE_BUCKETS_S,
      registers,
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Counts a job as in flight and returns the function that ends it, once: with an outcome it also
   * counts the outcome and records the duration, and without one it only leaves the in-flight count.
   */
  startJob(): (outcome?: JobOutcome) => void {
    this.jobsInFlight.inc();
    const stopTimer = this.jobSeconds.startTimer();
    let finished = false;
    return (outcome) => {
      if (finished) {
        return;
      }
      finished = true;
      this.jobsInFlight.dec();
      if (outcome === undefined) {
        return;
      }
      stopTimer();
      this.jobs.inc({ outcome: outcome.outcome, reason: outcome.outcome === 'failed' ? outcome.reason : '' });
    };
  }

  /** Records the decode and inference times of a detected image. */
  observeDetection(timings: DetectionTimings): void {
    this.decodeSeconds.observe(timings.decodeMs / 1000);
    this.inferenceSeconds.observe(timings.inferenceMs / 1000);
  }
}
