import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { photoPath } from '@lookout/testing';
import { repoPath } from '@lookout/local-stack';

const MODEL_DIR = repoPath('models/nanodet-g-416');
const WARM_UP_RUNS = 3;

export interface SessionRunTimes {
  /** Milliseconds per call, each call running the whole batch. */
  samplesMs: number[];
  imagesPerSecond: number;
}

/** Builds the model input for dog.jpg stretched to the input size, in the manifest's channel order. */
export async function modelInput(batch = 1): Promise<ort.Tensor> {
  const manifest = JSON.parse(readFileSync(`${MODEL_DIR}/manifest.json`, 'utf8'));
  const { width, height, mean, std } = manifest.input;
  const rgb = await sharp(photoPath('dog.jpg')).resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer();
  const plane = width * height;
  const image = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i += 1) {
    // The model reads BGR planes, so plane c takes byte 2 - c of each RGB pixel.
    for (let c = 0; c < 3; c += 1) {
      image[c * plane + i] = (rgb[i * 3 + (2 - c)]! - mean[c]) / std[c];
    }
  }
  const data = new Float32Array(batch * image.length);
  for (let b = 0; b < batch; b += 1) data.set(image, b * image.length);
  return new ort.Tensor('float32', data, [batch, 3, height, width]);
}

/** Times `runs` calls of the default model's `session.run` on CPU with `batch` images each, after a warm-up. */
export async function measureSessionRuns(options: { runs: number; intraOpThreads: number; batch?: number }): Promise<SessionRunTimes> {
  const batch = options.batch ?? 1;
  const session = await ort.InferenceSession.create(`${MODEL_DIR}/model.onnx`, {
    executionProviders: ['cpu'],
    intraOpNumThreads: options.intraOpThreads,
  });
  const feeds = { [session.inputNames[0]!]: await modelInput(batch) };
  const samplesMs: number[] = [];
  for (let i = 0; i < WARM_UP_RUNS + options.runs; i += 1) {
    const started = performance.now();
    await session.run(feeds);
    if (i >= WARM_UP_RUNS) samplesMs.push(performance.now() - started);
  }
  await session.release();
  const totalMs = samplesMs.reduce((sum, value) => sum + value, 0);
  return { samplesMs, imagesPerSecond: (samplesMs.length * batch * 1000) / totalMs };
}
