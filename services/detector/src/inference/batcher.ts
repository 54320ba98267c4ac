import { performance } from 'node:perf_hooks';
import type { OnnxSessionAdapter, OutputTensor } from '../model/onnx-session.adapter.js';

/** One image's share of a session run. */
export interface BatchSlot {
  /** Outputs of the whole run; the image's rows are at `batchIndex` of each. */
  outputs: ReadonlyMap<string, OutputTensor>;
  batchIndex: number;
  /** Images that ran together in this session run, this one included. */
  batchSize: number;
  /** Duration of the whole session run. */
  inferenceMs: number;
}

export interface BatcherOptions {
  session: Pick<OnnxSessionAdapter, 'run'>;
  /** Float32 values of one preprocessed image. */
  imageSize: number;
  /** Maximum images stacked into one run. 1 runs every image alone. */
  maxBatchSize: number;
  /** Maximum time the first queued image waits for others before its batch runs anyway. */
  maxWaitMs: number;
  /** Rows the model's fixed batch dimension needs; a smaller batch is padded with zeros. */
  fixedBatchSize?: number;
}

interface QueuedImage {
  tensor: Float32Array;
  queuedAt: number;
  resolve: (slot: BatchSlot) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers preprocessed images into batches: a batch runs when `maxBatchSize` images are queued or
 * when the oldest queued image has waited `maxWaitMs`. Session runs happen one at a time, so images
 * arriving during a run queue up for the next batch. Each caller gets its own promise, so one
 * image's decoding never touches another's; a failed run rejects every image of that run.
 */
export class Batcher {
  private readonly queue: QueuedImage[] = [];
  private timer: NodeJS.Timeout | undefined;
  private waitExpired = false;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: BatcherOptions) {
    if (!Number.isInteger(options.maxBatchSize) || options.maxBatchSize < 1) {
      throw new RangeError(`maxBatchSize must be a positive integer, got ${options.maxBatchSize}`);
    }
    if (options.fixedBatchSize !== undefined && options.fixedBatchSize < options.maxBatchSize) {
      throw new RangeError(`maxBatchSize ${options.maxBatchSize} exceeds the model's fixed batch of ${options.fixedBatchSize}`);
    }
  }

  get maxBatchSize(): number {
    return this.options.maxBatchSize;
  }

  /** Queues one image and resolves with its share of the run it joined. */
  submit(tensor: Float32Array): Promise<BatchSlot> {
    if (this.closed) {
      return Promise.reject(new Error('The batcher is closed'));
    }
    if (tensor.length !== this.options.imageSize) {
      return Promise.reject(new RangeError(`Image tensor has ${tensor.length} values, expected ${this.options.imageSize}`));
    }
    return new Promise<BatchSlot>((resolve, reject) => {
      this.queue.push({ tensor, queuedAt: performance.now(), resolve, reject });
      if (this.queue.length === 1) {
        this.startTimer();
      }
      this.dispatch();
    });
  }

  /** Runs whatever is queued without waiting further, then resolves once the last run has finished. */
  async close(): Promise<void> {
    this.closed = true;
    this.waitExpired = true;
    this.dispatch();
    while (this.running !== undefined) {
      await this.running;
    }
  }

  private startTimer(): void {
    clearTimeout(this.timer);
    const oldest = this.queue[0];
    if (oldest === undefined) {
      this.timer = undefined;
      return;
    }
    const remainingMs = Math.max(0, this.options.maxWaitMs - (performance.now() - oldest.queuedAt));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // Node may fire a timer up to a millisecond early; wait out the rest so no batch leaves early.
      if (performance.now() - oldest.queuedAt < this.options.maxWaitMs) {
        this.startTimer();
        return;
      }
      this.waitExpired = true;
      this.dispatch();
    }, Math.ceil(remainingMs));
  }

  private dispatch(): void {
    if (this.running !== undefined || this.queue.length === 0) {
      return;
    }
    if (this.queue.length < this.options.maxBatchSize && !this.waitExpired) {
      return;
    }
    const images = this.queue.splice(0, this.options.maxBatchSize);
    this.waitExpired = false;
    this.startTimer();
    this.running = this.run(images).finally(() => {
      this.running = undefined;
      this.dispatch();
    });
  }

  private async run(images: QueuedImage[]): Promise<void> {
    const { imageSize, fixedBatchSize } = this.options;
    const rows = fixedBatchSize ?? images.length;
    let input: Float32Array;
    if (rows === 1) {
      input = images[0]!.tensor;
    } else {
      input = new Float32Array(rows * imageSize);
      images.forEach((image, index) => input.set(image.tensor, index * imageSize));
    }

    const started = performance.now();
    try {
      const outputs = await this.options.session.run(input, rows);
      const inferenceMs = performance.now() - started;
      images.forEach((image, batchIndex) => image.resolve({ outputs, batchIndex, batchSize: images.length, inferenceMs }));
    } catch (error) {
      for (const image of images) {
        image.reject(error);
      }
    }
  }
}
