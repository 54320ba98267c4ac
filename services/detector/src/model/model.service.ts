import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ModelRef } from '@lookout/contracts';
import { errorFields, type Logger } from '@lookout/runtime';
import { DETECTOR_CONFIG, DETECTOR_LOGGER } from '../config/config.tokens.js';
import type { DetectorConfig } from '../config/detector-config.js';
import type { Batcher } from '../inference/batcher.js';
import { createBatcher } from '../inference/create-batcher.js';
import { createDecoder } from '../inference/decoders/create-decoder.js';
import { DetectionPipeline } from '../inference/detection-pipeline.js';
import { resolveThresholds } from '../inference/detection-options.js';
import { loadModelManifest, type ModelManifest } from './model-manifest.js';
import { OnnxSessionAdapter, type ExecutionProvider } from './onnx-session.adapter.js';

/** Model state as the health check reports it. */
export type ModelStatus =
  | { state: 'loading' }
  | { state: 'ready'; model: ModelRef; executionProvider: ExecutionProvider }
  | { state: 'failed'; error: { code: string; message: string } };

/** A loaded model: its manifest, session and the pipeline built on them. */
export interface LoadedModel {
  manifest: ModelManifest;
  ref: ModelRef;
  executionProvider: ExecutionProvider;
  pipeline: DetectionPipeline;
  /** Maximum images one session run takes. */
  maxBatchSize: number;
}

/** Loads the model once per process and keeps its session until shutdown. */
@Injectable()
export class ModelService implements OnApplicationShutdown {
  private status: ModelStatus = { state: 'loading' };
  private loaded?: LoadedModel;
  private session?: OnnxSessionAdapter;
  private batcher?: Batcher;

  constructor(
    @Inject(DETECTOR_CONFIG) private readonly config: DetectorConfig,
    @Inject(DETECTOR_LOGGER) private readonly logger: Logger,
  ) {}

  /** Reads the manifest and creates the session. Raises, and reports `failed` to the health check, when either fails. */
  async load(): Promise<LoadedModel> {
    const { modelDir, device, intraOpThreads, thresholds, batch } = this.config;
    this.logger.info({ modelDir, device, intraOpThreads }, 'loading model');
    try {
      const manifest = await loadModelManifest(modelDir);
      this.session = await OnnxSessionAdapter.create({
        modelPath: join(modelDir, manifest.file),
        manifest,
        device,
        intraOpThreads,
        logger: this.logger,
      });
      const ref = { id: manifest.id, version: manifest.version };
      this.batcher = createBatcher(this.session, manifest.input, batch);
      const pipeline = new DetectionPipeline({
        batcher: this.batcher,
        manifest,
        decoder: createDecoder(manifest),
        thresholds: resolveThresholds(manifest, thresholds),
      });
      const maxBatchSize = this.batcher.maxBatchSize;
      this.loaded = { manifest, ref, executionProvider: this.session.executionProvider, pipeline, maxBatchSize };
      this.status = { state: 'ready', model: ref, executionProvider: this.session.executionProvider };
      this.logger.info(
        {
          model: modelLabel(ref),
          family: manifest.family,
          executionProvider: this.session.executionProvider,
          intraOpThreads,
          thresholds: pipeline.thresholds,
          batchCapacity: this.session.batchCapacity,
          maxBatchSize,
          batchWaitMs: batch.maxWaitMs,
        },
        'model loaded',
      );
      return this.loaded;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.status = { state: 'failed', error: { code: typeof code === 'string' ? code : 'model_load_failed', message: (error as Error).message } };
      this.logger.error({ ...errorFields(error), modelDir, device }, 'model failed to load');
      throw error;
    }
  }

  getStatus(): ModelStatus {
    return this.status;
  }

  /** Returns the loaded model; jobs only start after load() succeeded, so a missing model is a programming error. */
  getModel(): LoadedModel {
    if (this.loaded === undefined) {
      throw new Error('The model is not loaded; call ModelService.load() before consuming jobs');
    }
    return this.loaded;
  }

  /** Runs the images still queued for a batch, then releases the session. */
  async onApplicationShutdown(): Promise<void> {
    await this.batcher?.close();
    this.batcher = undefined;
    await this.session?.release();
    this.session = undefined;
  }
}

/** Formats the `model` field of log lines as `<id>@<version>`. */
export function modelLabel(ref: ModelRef): string {
  return `${ref.id}@${ref.version}`;
}
