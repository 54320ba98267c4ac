import type { ModelInput } from '../model/model-manifest.js';
import type { OnnxSessionAdapter } from '../model/onnx-session.adapter.js';
import { Batcher } from './batcher.js';

export interface BatchSettings {
  maxSize: number;
  maxWaitMs: number;
}

/**
 * Creates the batcher a session allows: up to `settings.maxSize` images per run for a dynamic batch
 * dimension, exactly the fixed size otherwise (padded when fewer images wait), and one image at a
 * time for a fixed batch of 1.
 */
export function createBatcher(session: Pick<OnnxSessionAdapter, 'run' | 'batchCapacity'>, input: ModelInput, settings: BatchSettings): Batcher {
  const imageSize = 3 * input.width * input.height;
  if (session.batchCapacity === 'dynamic') {
    return new Batcher({ session, imageSize, maxBatchSize: settings.maxSize, maxWaitMs: settings.maxWaitMs });
  }
  if (session.batchCapacity === 1) {
    return new Batcher({ session, imageSize, maxBatchSize: 1, maxWaitMs: 0 });
  }
  return new Batcher({
    session,
    imageSize,
    maxBatchSize: session.batchCapacity,
    maxWaitMs: settings.maxWaitMs,
    fixedBatchSize: session.batchCapacity,
  });
}
