import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '@lookout/runtime';
import { DEFAULT_MODEL_DIR, REPO_ROOT } from '../../src/config/detector-config.js';
import { DetectionPipeline, resolveThresholds } from '../../src/inference/detection-pipeline.js';
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
  pipeline: DetectionPipeline;
}

/** Loads NanoDet-g-416 from models/ on the CPU with the manifest's default thresholds. */
export async function loadRealModel(): Promise<RealModel> {
  assertRealModelPresent();
  const manifest = await loadModelManifest(REAL_MODEL_DIR);
  const session = await OnnxSessionAdapter.create({
    modelPath: join(REAL_MODEL_DIR, MODEL_FILE),
    manifest,
    device: 'cpu',
    intraOpThreads: 2,
    logger: createLogger('detector-test', 'silent'),
  });
  return { manifest, session, pipeline: new DetectionPipeline(session, manifest, resolveThresholds(manifest, {})) };
}
