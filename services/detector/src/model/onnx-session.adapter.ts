import { existsSync } from 'node:fs';
import { env as onnxRuntimeEnv, InferenceSession, Tensor } from 'onnxruntime-node';
import type { Logger } from '@lookout/runtime';
import { errorFields } from '@lookout/runtime';
import type { ExecutionDevice } from '../config/detector-config.js';
import { ModelLoadError, InferenceError } from './model-errors.js';
import { manifestOutputNames, type ModelManifest } from './model-manifest.js';

// ONNX Runtime prints its own red error line when the CUDA provider library is missing, which on a
// CPU host is the normal path of DETECTOR_DEVICE=auto. This adapter logs every failure it catches
// with the runtime's message, so the runtime's own log is limited to fatal errors.
onnxRuntimeEnv.logLevel = 'fatal';

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

/** Images one session run takes: a fixed count, or any count when the model's batch dimension is symbolic. */
export type BatchCapacity = number | 'dynamic';

/** Session runs and images since the session was created. */
export interface SessionStats {
  runs: number;
  images: number;
}

/**
 * The only code that touches onnxruntime-node. Creates one InferenceSession per process
 * and runs batches of the model's single float32 image input through it.
 */
export class OnnxSessionAdapter {
  readonly stats: SessionStats = { runs: 0, images: 0 };

  private constructor(
    private readonly session: InferenceSession,
    private readonly manifest: ModelManifest,
    readonly executionProvider: ExecutionProvider,
    readonly batchCapacity: BatchCapacity,
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
      created = { session: await createCudaSession(options), provider: 'cuda' };
    } else {
      try {
        created = { session: await createSession(options, 'cuda'), provider: 'cuda' };
      } catch (error) {
        logger.warn({ ...errorFields(error), device }, 'CUDA execution provider unavailable; falling back to the CPU');
        created = { session: await createSession(options, 'cpu'), provider: 'cpu' };
      }
    }
    let batchCapacity: BatchCapacity;
    try {
      batchCapacity = checkSessionAgainstManifest(created.session, options.manifest, options.modelPath, logger);
    } catch (error) {
      await created.session.release();
      throw error;
    }
    return new OnnxSessionAdapter(created.session, options.manifest, created.provider, batchCapacity);
  }

  /**
   * Runs the model on `batchSize` preprocessed images stacked in `input` and returns the manifest's
   * outputs by name, each with the batch as its first dimension. Integer outputs (class ids of some
   * exports) are converted to float32.
   * NOTE: onnxruntime-node 1.30 runs the session synchronously on the main thread (inside a
   * setImmediate), so concurrent jobs overlap their S3 fetch and decoding but not inference.
   */
  async run(input: Float32Array, batchSize = 1): Promise<Map<string, OutputTensor>> {
    const { name, width, height, layout } = this.manifest.input;
    if (this.batchCapacity !== 'dynamic' && batchSize !== this.batchCapacity) {
      throw new InferenceError(`The model takes batches of ${this.batchCapacity} images, got ${batchSize}`);
    }
    const dims = layout === 'NCHW' ? [batchSize, 3, height, width] : [batchSize, height, width, 3];
    const feeds = { [name]: new Tensor('float32', input, dims) };
    let results: InferenceSession.ReturnType;
    try {
      results = await this.session.run(feeds);
    } catch (error) {
      throw new InferenceError(`ONNX session run failed: ${(error as Error).message}`, { cause: error });
    }
    this.stats.runs += 1;
    this.stats.images += batchSize;
    const outputs = new Map<string, OutputTensor>();
    for (const outputName of manifestOutputNames(this.manifest)) {
      outputs.set(outputName, toFloatOutput(outputName, results[outputName]));
    }
    return outputs;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

function toFloatOutput(name: string, value: unknown): OutputTensor {
  if (!(value instanceof Tensor)) {
    throw new InferenceError(`Model output ${name} is missing or not a tensor`);
  }
  switch (value.type) {
    case 'float32':
      return { data: value.data as Float32Array, dims: value.dims };
    case 'float64':
    case 'int32':
    case 'uint8':
    case 'int8':
      return { data: Float32Array.from(value.data as ArrayLike<number>), dims: value.dims };
    case 'int64':
      return { data: Float32Array.from(value.data as BigInt64Array, (item) => Number(item)), dims: value.dims };
    default:
      throw new InferenceError(`Model output ${name} has element type ${value.type}, expected a number type`);
  }
}

/** Raised for DETECTOR_DEVICE=cuda when the CUDA execution provider cannot be created but the model loads on the CPU. */
export class CudaUnavailableError extends Error {
  readonly code = 'cuda_unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CudaUnavailableError';
  }
}

/**
 * Creates the session on CUDA. When that fails, a CPU session of the same file distinguishes a
 * missing CUDA runtime (CudaUnavailableError) from a broken model (the CPU error is raised).
 */
async function createCudaSession(options: OnnxSessionOptions): Promise<InferenceSession> {
  try {
    return await createSession(options, 'cuda');
  } catch (cudaError) {
    const cpuSession = await createSession(options, 'cpu');
    await cpuSession.release();
    throw new CudaUnavailableError(
      `DETECTOR_DEVICE is cuda but the CUDA execution provider could not be created (${(cudaError as Error).message}); install the CUDA runtime or set DETECTOR_DEVICE=auto to fall back to the CPU`,
      { cause: cudaError },
    );
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

/**
 * Fails at load time, not on the first job, when the file and manifest.json describe different graphs.
 * Returns the batch capacity: 'dynamic' only when the manifest declares it and the input's first
 * dimension is symbolic.
 */
function checkSessionAgainstManifest(session: InferenceSession, manifest: ModelManifest, modelPath: string, logger: Logger): BatchCapacity {
  const problems: string[] = [];
  const { input } = manifest;
  if (!session.inputNames.includes(input.name)) {
    problems.push(`input ${input.name} not found (model inputs: ${session.inputNames.join(', ')})`);
  }
  const missingOutputs = manifestOutputNames(manifest).filter((name) => !session.outputNames.includes(name));
  if (missingOutputs.length > 0) {
    problems.push(`outputs ${missingOutputs.join(', ')} not found (model outputs: ${session.outputNames.join(', ')})`);
  }

  let batchCapacity: BatchCapacity = input.batch;
  const inputMetadata = session.inputMetadata.find((metadata) => metadata.name === input.name);
  if (inputMetadata?.isTensor && inputMetadata.shape.length > 0) {
    const modelBatch = inputMetadata.shape[0];
    const symbolicBatch = typeof modelBatch !== 'number' || modelBatch < 0;
    if (input.batch === 'dynamic' && !symbolicBatch) {
      logger.warn({ modelPath, modelBatch }, 'the manifest declares a dynamic batch but the model input has a fixed one, so batches use the fixed size');
      batchCapacity = modelBatch;
    }
    const batchLabel = batchCapacity === 'dynamic' ? 'batch' : batchCapacity;
    const expected = input.layout === 'NCHW' ? [batchLabel, 3, input.height, input.width] : [batchLabel, input.height, input.width, 3];
    const fixedMismatch = inputMetadata.shape.some((dim, index) => index > 0 && typeof dim === 'number' && dim >= 0 && dim !== expected[index]);
    const batchMismatch = typeof batchCapacity === 'number' && !symbolicBatch && modelBatch !== batchCapacity;
    if (inputMetadata.shape.length !== expected.length || fixedMismatch || batchMismatch) {
      problems.push(`input shape [${inputMetadata.shape.join(', ')}] differs from the manifest's [${expected.join(', ')}]`);
    }
  }
  if (problems.length > 0) {
    throw new ModelLoadError(`Model ${modelPath} does not match its manifest: ${problems.join('; ')}`);
  }
  return batchCapacity;
}
