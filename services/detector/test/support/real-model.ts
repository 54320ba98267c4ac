import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '@lookout/runtime';
import { DEFAULT_MODEL_DIR, REPO_ROOT } from '../../src/config/detector-config.js';
import type { Batcher } from '../../src/inference/batcher.js';
import { createBatcher, type BatchSettings } from '../../src/inference/create-batcher.js';
import { createDecoder } from '../../src/inference/decoders/create-decoder.js';
import { resolveThresholds } from '../../src/inference/detection-options.js';
import { DetectionPipeline } from '../../src/inference/detection-pipeline.js';
import { loadModelManifest, MANIFEST_FILE, MODEL_FILE, type ModelManifest } from '../../src/model/model-manifest.js';
import { OnnxSessionAdapter } from '../../src/model/onnx-session.adapter.js';

export const REAL_MODEL_DIR = join(REPO_ROOT, DEFAULT_MODEL_DIR);

/** Fails, rather than skips, when the converted model is absent, so a missing model never passes silently. */
export function assertRealModelPresent(): void {
  for (const file of [MANIFEST_FILE, MODEL_FILE]) {
    const path = join(REAL_MODEL_DIR, file);
    if (!existsSync(path)) {
      throw new Error(`${path} not found: run \`npm run model:prepare\` before the detector's integration tests`);
    }
  }
}

export interface RealModel {
  manifest: ModelManifest;
  session: OnnxSessionAdapter;
  batcher: Batcher;
  pipeline: DetectionPipeline;
}

/** Runs every image alone unless a test asks for batches. */
const UNBATCHED: BatchSettings = { maxSize: 1, maxWaitMs: 0 };

/** Loads NanoDet-g-416 from models/ on the CPU with the manifest's default thresholds. */
export async function loadRealModel(batch: BatchSettings = UNBATCHED): Promise<RealModel> {
  assertRealModelPresent();
  const manifest = await loadModelManifest(REAL_MODEL_DIR);
  const session = await OnnxSessionAdapter.create({
    modelPath: join(REAL_MODEL_DIR, manifest.file),
    manifest,
    device: 'cpu',
    intraOpThreads: 2,
    logger: createLogger('detector-test', 'silent'),
  });
  const batcher = createBatcher(session, manifest.input, batch);
  const pipeline = new DetectionPipeline({ batcher, manifest, decoder: createDecoder(manifest), thresholds: resolveThresholds(manifest, {}) });
  return { manifest, session, batcher, pipeline };
}
