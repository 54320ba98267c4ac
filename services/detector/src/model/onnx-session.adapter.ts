import { existsSync } from 'node:fs';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { Logger } from '@lookout/runtime';
import { errorFields } from '@lookout/runtime';
import type { ExecutionDevice } from '../config/detector-config.js';
import { ModelLoadError, InferenceError } from './model-errors.js';
import { manifestOutputNames, type ModelManifest } from './model-manifest.js';

export type ExecutionProvider = 'cuda' | 'cpu';

/** One float32 output of the model, as a flat row-major array with its shape. */
export interface OutputTensor {
  data: Float32Array;
  dims: readonly number[];
}

export interface OnnxSessionOptions {
  modelPath: string;
  manifest: ModelManifest;
  device: ExecutionDevice;
  intraOpThreads: number;
  logger: Logger;
}

/**
 * The only code that touches onnxruntime-node. Creates one InferenceSession per process
 * and runs the model's single NCHW float32 input through it.
 */
export class OnnxSessionAdapter {
  private constructor(
    private readonly session: InferenceSession,
    private readonly manifest: ModelManifest,
    readonly executionProvider: ExecutionProvider,
  ) {}

  /**
   * Creates the session on the requested device. `auto` tries CUDA first and falls back to the CPU
   * when the CUDA execution provider cannot be created; `cuda` raises instead of falling back.
   */
  static async create(options: OnnxSessionOptions): Promise<OnnxSessionAdapter> {
    const { device, logger } = options;
    let created: { session: InferenceSession; provider: ExecutionProvider };
    if (device === 'cpu') {
      created = { session: await createSession(options, 'cpu'), provider: 'cpu' };
    } else if (device === 'cuda') {
      created = { session: await createSession(options, 'cuda'), provider: 'cuda' };
    } else {
      try {
        created = { session: await createSession(options, 'cuda'), provider: 'cuda' };
      } catch (error) {
        logger.warn({ ...errorFields(error), device }, 'CUDA execution provider unavailable; falling back to the CPU');
        created = { session: await createSession(options, 'cpu'), provider: 'cpu' };
      }
    }
    try {
      assertSessionMatchesManifest(created.session, options.manifest, options.modelPath);
    } catch (error) {
      await created.session.release();
      throw error;
    }
    return new OnnxSessionAdapter(created.session, options.manifest, created.provider);
  }

  /**
   * Runs the model on one preprocessed image and returns the manifest's outputs by name.
   * NOTE: onnxruntime-node 1.30 runs the session synchronously on the main thread (inside a
   * setImmediate), so concurrent jobs overlap their S3 fetch and decoding but not inference.
   */
  async run(input: Float32Array): Promise<Map<string, OutputTensor>> {
    const { name, width, height } = this.manifest.input;
    const feeds = { [name]: new Tensor('float32', input, [1, 3, height, width]) };
    let results: InferenceSession.ReturnType;
    try {
      results = await this.session.run(feeds);
    } catch (error) {
      throw new InferenceError(`ONNX session run failed: ${(error as Error).message}`, { cause: error });
    }
    const outputs = new Map<string, OutputTensor>();
    for (const outputName of manifestOutputNames(this.manifest)) {
      const value = results[outputName];
      if (!(value instanceof Tensor) || value.type !== 'float32') {
        throw new InferenceError(`Model output ${outputName} is missing or not a float32 tensor`);
      }
      outputs.set(outputName, { data: value.data as Float32Array, dims: value.dims });
    }
    return outputs;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

async function createSession(options: OnnxSessionOptions, provider: ExecutionProvider): Promise<InferenceSession> {
  if (!existsSync(options.modelPath)) {
    throw new ModelLoadError(`Model file ${options.modelPath} not found; run \`npm run model:prepare\` or set MODEL_DIR`);
  }
  try {
    return await InferenceSession.create(options.modelPath, {
      executionProviders: [provider],
      intraOpNumThreads: options.intraOpThreads,
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new ModelLoadError(`Failed to create an ONNX session for ${options.modelPath} on ${provider}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Fails at load time, not on the first job, when the file and manifest.json describe different graphs. */
function assertSessionMatchesManifest(session: InferenceSession, manifest: ModelManifest, modelPath: string): void {
  const problems: string[] = [];
  if (!session.inputNames.includes(manifest.input.name)) {
    problems.push(`input ${manifest.input.name} not found (model inputs: ${session.inputNames.join(', ')})`);
  }
  const missingOutputs = manifestOutputNames(manifest).filter((name) => !session.outputNames.includes(name));
  if (missingOutputs.length > 0) {
    problems.push(`outputs ${missingOutputs.join(', ')} not found (model outputs: ${session.outputNames.join(', ')})`);
  }
  const inputMetadata = session.inputMetadata.find((metadata) => metadata.name === manifest.input.name);
  if (inputMetadata?.isTensor && inputMetadata.shape.length > 0) {
    const expected = [1, 3, manifest.input.height, manifest.input.width];
    const fixedMismatch = inputMetadata.shape.some((dim, index) => typeof dim === 'number' && dim !== expected[index]);
    if (inputMetadata.shape.length !== expected.length || fixedMismatch) {
      problems.push(`input shape [${inputMetadata.shape.join(', ')}] differs from the manifest's [${expected.join(', ')}]`);
    }
  }
  if (problems.length > 0) {
    throw new ModelLoadError(`Model ${modelPath} does not match its manifest: ${problems.join('; ')}`);
  }
}
