import { hostname } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_MAX_DELIVER, DEFAULT_RETRY_DELAY_POLICY, type RetryDelayPolicy } from '@lookout/messaging';
import { ConfigError, loadConfig, logLevelVariable, natsVariables, portVariable, positiveIntVariable, s3Variables } from '@lookout/runtime';
import { availableCpus, type AvailableCpus } from './available-cpus.js';

/** Repository root: this file sits at services/detector/{src,dist}/config/. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export const DEFAULT_MODEL_DIR = 'models/nanodet-g-416';

export const EXECUTION_DEVICES = ['auto', 'cpu', 'cuda'] as const;
export type ExecutionDevice = (typeof EXECUTION_DEVICES)[number];

const optionalProbability = z.coerce.number().min(0).max(1).optional();

export const detectorConfigSchema = z.object({
  DETECTOR_PORT: portVariable(3002),
  /** Address the health endpoint binds to; 0.0.0.0 so container health checks reach it. */
  DETECTOR_HOST: z.string().min(1).default('0.0.0.0'),
  MODEL_DIR: z.string().min(1).default(DEFAULT_MODEL_DIR),
  DETECTOR_DEVICE: z.enum(EXECUTION_DEVICES).default('auto'),
  DETECTOR_ID: z.string().min(1).optional(),
  DETECTOR_CONCURRENCY: positiveIntVariable(2),
  /**
   * Maximum images stacked into one session run when the model has a dynamic batch dimension.
   * 1 by default because batching lowered CPU throughput (bench/batching.bench.ts); GPU hosts set more.
   */
  DETECTOR_BATCH_SIZE: positiveIntVariable(1),
  /** Maximum wait, in milliseconds, for more images after the first image of a batch arrived. */
  DETECTOR_BATCH_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(10),
  DETECTOR_INTRA_OP_THREADS: z.coerce.number().int().positive().optional(),
  SCORE_THRESHOLD: optionalProbability,
  IOU_THRESHOLD: optionalProbability,
  MAX_DETECTIONS: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: logLevelVariable,
  ...natsVariables,
  ...s3Variables,
  /** Deliveries of one job before it moves to the DEAD_LETTERS stream and fails with delivery_exhausted. */
  DETECTOR_MAX_DELIVER: positiveIntVariable(DEFAULT_MAX_DELIVER),
  /** Delay before the second delivery of a job that hit a transient error, in milliseconds; it doubles per delivery. */
  DETECTOR_RETRY_BASE_MS: positiveIntVariable(DEFAULT_RETRY_DELAY_POLICY.initialDelayMs),
  /** Upper bound of the delay between deliveries, in milliseconds. */
  DETECTOR_RETRY_MAX_MS: positiveIntVariable(DEFAULT_RETRY_DELAY_POLICY.maxDelayMs),
});

export type DetectorEnv = z.infer<typeof detectorConfigSchema>;

/** Detector settings after defaults that depend on the host are filled in. */
export interface DetectorConfig {
  port: number;
  host: string;
  /** Absolute path of the folder holding model.onnx and manifest.json. */
  modelDir: string;
  device: ExecutionDevice;
  detectorId: string;
  /**
   * Jobs processed at the same time (the consumer's max in flight): the larger of
   * DETECTOR_CONCURRENCY and DETECTOR_BATCH_SIZE, so a full batch can be in flight at once.
   * Set DETECTOR_BATCH_SIZE=1 for a model without a dynamic batch to keep DETECTOR_CONCURRENCY alone.
   */
  concurrency: number;
  batch: {
    /** Maximum images per session run, used only when the model's batch dimension is dynamic. */
    maxSize: number;
    maxWaitMs: number;
  };
  intraOpThreads: number;
  /** Overrides of the manifest's post-processing defaults. */
  thresholds: { scoreThreshold?: number; iouThreshold?: number; maxDetections?: number };
  logLevel: DetectorEnv['LOG_LEVEL'];
  natsUrl: string;
  s3: {
    bucket: string;
    region: string;
    endpoint?: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    forcePathStyle: boolean;
  };
  /** Redelivery of jobs that hit a transient error. */
  delivery: {
    /** Deliveries before the job moves to the dead-letter stream (default 5). */
    maxDeliver: number;
    /** Delays between deliveries, in milliseconds (default 1 000 doubling up to 60 000). */
    retryDelay: RetryDelayPolicy;
  };
  /** Source of intraOpThreads: the variable, the cgroup CPU quota or the core count. */
  intraOpThreadsSource: 'DETECTOR_INTRA_OP_THREADS' | AvailableCpus['source'];
}

/** Validates the detector's environment variables once, at start-up. Throws ConfigError naming each invalid variable. */
export function loadDetectorConfig(env: NodeJS.ProcessEnv = process.env): DetectorConfig {
  const parsed = loadConfig(detectorConfigSchema, env);
  if (parsed.DETECTOR_RETRY_MAX_MS < parsed.DETECTOR_RETRY_BASE_MS) {
    throw new ConfigError(['DETECTOR_RETRY_MAX_MS: must be at least DETECTOR_RETRY_BASE_MS']);
  }
  const cpus = parsed.DETECTOR_INTRA_OP_THREADS === undefined ? availableCpus() : undefined;
  return {
    port: parsed.DETECTOR_PORT,
    host: parsed.DETECTOR_HOST,
    modelDir: isAbsolute(parsed.MODEL_DIR) ? parsed.MODEL_DIR : resolve(REPO_ROOT, parsed.MODEL_DIR),
    device: parsed.DETECTOR_DEVICE,
    detectorId: parsed.DETECTOR_ID ?? `${hostname()}-${process.pid}`,
    concurrency: Math.max(parsed.DETECTOR_CONCURRENCY, parsed.DETECTOR_BATCH_SIZE),
    batch: { maxSize: parsed.DETECTOR_BATCH_SIZE, maxWaitMs: parsed.DETECTOR_BATCH_WAIT_MS },
    intraOpThreads: parsed.DETECTOR_INTRA_OP_THREADS ?? cpus!.count,
    intraOpThreadsSource: cpus?.source ?? 'DETECTOR_INTRA_OP_THREADS',
    thresholds: {
      scoreThreshold: parsed.SCORE_THRESHOLD,
      iouThreshold: parsed.IOU_THRESHOLD,
      maxDetections: parsed.MAX_DETECTIONS,
    },
    logLevel: parsed.LOG_LEVEL,
    natsUrl: parsed.NATS_URL,
    s3: {
      bucket: parsed.S3_BUCKET,
      region: parsed.S3_REGION,
      endpoint: parsed.S3_ENDPOINT,
      accessKeyId: parsed.S3_ACCESS_KEY_ID,
      secretAccessKey: parsed.S3_SECRET_ACCESS_KEY,
      forcePathStyle: parsed.S3_FORCE_PATH_STYLE,
    },
    delivery: {
      maxDeliver: parsed.DETECTOR_MAX_DELIVER,
      retryDelay: { initialDelayMs: parsed.DETECTOR_RETRY_BASE_MS, maxDelayMs: parsed.DETECTOR_RETRY_MAX_MS },
    },
  };
}
