import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '@lookout/runtime';
import { REAL_MODEL_DIR, assertRealModelPresent } from '../../test/support/real-model.js';
import { loadModelManifest, MODEL_FILE, type ModelManifest, type NanodetManifest } from './model-manifest.js';
import { CudaUnavailableError, OnnxSessionAdapter } from './onnx-session.adapter.js';

const modelPath = join(REAL_MODEL_DIR, MODEL_FILE);
const logger = createLogger('detector-test', 'silent');

/** Checks whether this onnxruntime-node install ships the CUDA execution provider library. */
function cudaProviderInstalled(): boolean {
  const packageDir = dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
  return existsSync(join(packageDir, 'bin', 'napi-v6', process.platform, process.arch, 'libonnxruntime_providers_cuda.so'));
}

describe('OnnxSessionAdapter', () => {
  let manifest: ModelManifest;

  beforeAll(async () => {
    assertRealModelPresent();
    manifest = await loadModelManifest(REAL_MODEL_DIR);
  });

  it('falls back to the CPU on auto without CUDA', async () => {
    const session = await OnnxSessionAdapter.create({ modelPath, manifest, device: 'auto', intraOpThreads: 1, logger });
    try {
      expect(session.executionProvider).toBe(cudaProviderInstalled() ? 'cuda' : 'cpu');
    } finally {
      await session.release();
    }
  });

  it('fails on cuda without the CUDA provider', async () => {
    const create = OnnxSessionAdapter.create({ modelPath, manifest, device: 'cuda', intraOpThreads: 1, logger });
    if (cudaProviderInstalled()) {
      const session = await create;
      expect(session.executionProvider).toBe('cuda');
      await session.release();
    } else {
      // The model loads on the CPU, so the failure is blamed on CUDA rather than on the model.
      await expect(create).rejects.toThrow(CudaUnavailableError);
      await expect(create).rejects.toMatchObject({ code: 'cuda_unavailable' });
    }
  });

  it('returns every manifest output with its shape', async () => {
    const session = await OnnxSessionAdapter.create({ modelPath, manifest, device: 'cpu', intraOpThreads: 1, logger });
    try {
      const outputs = await session.run(new Float32Array(3 * 416 * 416));
      expect(outputs.get('cls_pred_stride_8')?.dims).toEqual([1, 52 * 52, 80]);
      expect(outputs.get('dis_pred_stride_8')?.dims).toEqual([1, 52 * 52, 44]);
      expect(outputs.get('cls_pred_stride_32')?.dims).toEqual([1, 13 * 13, 80]);
    } finally {
      await session.release();
    }
  });

  it('rejects a manifest with another input name', async () => {
    const renamed = { ...manifest, input: { ...manifest.input, name: 'images' } };
    const create = OnnxSessionAdapter.create({ modelPath, manifest: renamed, device: 'cpu', intraOpThreads: 1, logger });
    await expect(create).rejects.toThrow(/does not match its manifest: input images not found \(model inputs: input_1\)/);
  });

  it('rejects a manifest with another output name', async () => {
    const nanodet = manifest as NanodetManifest;
    const renamed = { ...nanodet, outputs: { ...nanodet.outputs, '16': { scores: 'scores_16', boxes: 'dis_pred_stride_16' } } };
    const create = OnnxSessionAdapter.create({ modelPath, manifest: renamed, device: 'cpu', intraOpThreads: 1, logger });
    await expect(create).rejects.toThrow(/outputs scores_16 not found/);
  });

  it('names the prepare command when the model file is missing', async () => {
    const create = OnnxSessionAdapter.create({ modelPath: join(REAL_MODEL_DIR, 'absent.onnx'), manifest, device: 'cpu', intraOpThreads: 1, logger });
    await expect(create).rejects.toThrow(/not found; run `npm run model:prepare`/);
  });
});
