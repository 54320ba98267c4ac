import { availableParallelism, hostname } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadConfig, logLevelVariable, natsVariables, portVariable, positiveIntVariable, s3Variables } from '@lookout/runtime';

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
  DETECTOR_INTRA_OP_THREADS: z.coerce.number().int().positive().optional(),
  SCORE_THRESHOLD: optionalProbability,
  IOU_THRESHOLD: optionalProbability,
  MAX_DETECTIONS: z.coerce.number().int().positive().optional(),
  LOG_LEVEL: logLevelVariable,
  ...natsVariables,
  ...s3Variables,
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
  /** Jobs processed at the same time (JetStream max ack pending of the consumer). */
  concurrency: number;
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
}

/** Validates the detector's environment variables once, at start-up. Throws ConfigError naming each invalid variable. */
export function loadDetectorConfig(env: NodeJS.ProcessEnv = process.env): DetectorConfig {
  const parsed = loadConfig(detectorConfigSchema, env);
  return {
    port: parsed.DETECTOR_PORT,
    host: parsed.DETECTOR_HOST,
    modelDir: isAbsolute(parsed.MODEL_DIR) ? parsed.MODEL_DIR : resolve(REPO_ROOT, parsed.MODEL_DIR),
    device: parsed.DETECTOR_DEVICE,
    detectorId: parsed.DETECTOR_ID ?? `${hostname()}-${process.pid}`,
    concurrency: parsed.DETECTOR_CONCURRENCY,
    intraOpThreads: parsed.DETECTOR_INTRA_OP_THREADS ?? availableParallelism(),
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
  };
}
