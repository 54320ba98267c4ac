/**
 * Measures what batching gains for NanoDet-g-416 on the CPU: images per second and per-batch
 * latency for batch sizes 1, 4 and 16, all in one run on one machine, with ratios to batch 1. It
 * also reports the preprocessing time of one image against its share of a batched session run.
 *
 *   npx tsx bench/batching.bench.ts
 *   BENCH_IMAGES=96 BENCH_THREADS=4 npx tsx bench/batching.bench.ts
 *
 * Runs batches through the detector's own Batcher and OnnxSessionAdapter on the dynamic-batch model
 * that `npm run model:prepare` writes, and writes the Markdown table to bench/out/batching.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '@lookout/runtime';
import { photoPath } from '@lookout/testing';
import { REPO_ROOT, DEFAULT_MODEL_DIR } from '../services/detector/src/config/detector-config.js';
import { Batcher } from '../services/detector/src/inference/batcher.js';
import { prepareModelInput } from '../services/detector/src/inference/model-input.js';
import { loadModelManifest } from '../services/detector/src/model/model-manifest.js';
import { OnnxSessionAdapter } from '../services/detector/src/model/onnx-session.adapter.js';

const BATCH_SIZES = [1, 4, 16];
/** Images measured per batch size after warm-up; rounded up to whole batches. */
const IMAGES_PER_SIZE = Number(process.env.BENCH_IMAGES ?? 64);
const WARM_UP_BATCHES = 2;
const INTRA_OP_THREADS = Number(process.env.BENCH_THREADS ?? availableParallelism());
const PHOTOS = ['dog.jpg', 'person.jpg', 'horses.jpg', 'giraffe.jpg', 'eagle.jpg', 'kite.jpg', 'scream.jpg'];

interface Summary {
  median: number;
  p95: number;
}

function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

interface BatchMeasurement {
  batchSize: number;
  batches: number;
  imagesPerSecond: number;
  latency: Summary;
}

/** Submits `batchSize` images at once to a batcher that waits for a full batch, so each round is one session run. */
async function measureBatchSize(session: OnnxSessionAdapter, tensors: readonly Float32Array[], batchSize: number): Promise<BatchMeasurement> {
  const batcher = new Batcher({ session, imageSize: tensors[0]!.length, maxBatchSize: batchSize, maxWaitMs: 60_000 });
  const batches = Math.ceil(IMAGES_PER_SIZE / batchSize);
  const latenciesMs: number[] = [];
  let measuredMs = 0;
  for (let round = 0; round < WARM_UP_BATCHES + batches; round += 1) {
    const images = Array.from({ length: batchSize }, (_, index) => tensors[(round * batchSize + index) % tensors.length]!);
    const started = performance.now();
    await Promise.all(images.map((tensor) => batcher.submit(tensor)));
    const elapsedMs = performance.now() - started;
    if (round >= WARM_UP_BATCHES) {
      latenciesMs.push(elapsedMs);
      measuredMs += elapsedMs;
    }
  }
  await batcher.close();
  return { batchSize, batches, imagesPerSecond: (batches * batchSize * 1000) / measuredMs, latency: summarise(latenciesMs) };
}

const format = (value: number, digits = 1) => value.toFixed(digits);

const modelDir = join(REPO_ROOT, DEFAULT_MODEL_DIR);
const manifest = await loadModelManifest(modelDir);
if (manifest.input.batch !== 'dynamic') {
  throw new Error(`${modelDir} has a fixed batch; run \`npm run model:prepare\` to build the dynamic-batch model`);
}
const session = await OnnxSessionAdapter.create({
  modelPath: join(modelDir, manifest.file),
  manifest,
  device: 'cpu',
  intraOpThreads: INTRA_OP_THREADS,
  logger: createLogger('bench', 'silent'),
});

const preprocessMs: number[] = [];
const tensors: Float32Array[] = [];
for (let round = 0; round < 3; round += 1) {
  for (const name of PHOTOS) {
    const bytes = readFileSync(photoPath(name));
    const started = performance.now();
    const { tensor } = await prepareModelInput(bytes, manifest.input);
    preprocessMs.push(performance.now() - started);
    if (round === 0) {
      tensors.push(tensor);
    }
  }
}
const preprocess = summarise(preprocessMs.slice(PHOTOS.length));

const results: BatchMeasurement[] = [];
for (const batchSize of BATCH_SIZES) {
  results.push(await measureBatchSize(session, tensors, batchSize));
}
await session.release();

const baseline = results[0]!;
const rows = results.map((result) => {
  const perImageMs = result.latency.median / result.batchSize;
  return `| ${result.batchSize} | ${result.batches} | ${format(result.imagesPerSecond)} | ${format(result.imagesPerSecond / baseline.imagesPerSecond, 2)}× | ${format(result.latency.median)} | ${format(result.latency.p95)} | ${format(result.latency.median / baseline.latency.median, 2)}× | ${format(perImageMs)} | ${format(preprocess.median / perImageMs, 2)} |`;
});
const table = [
  '# Batched inference',
  '',
  `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, onnxruntime-node CPU, ${INTRA_OP_THREADS} intra-op threads, model ${manifest.id}@${manifest.version} (${manifest.input.width}×${manifest.input.height}), ${WARM_UP_BATCHES} warm-up batches per size, photos ${PHOTOS.join(', ')}.`,
  'A batch latency runs from submitting its images to the Batcher to the end of the one session run, stacking included. Per-image inference is the median batch latency divided by the batch size.',
  `Preprocessing (decode, orientation, letterbox, normalisation) of one photo: median ${format(preprocess.median)} ms, p95 ${format(preprocess.p95)} ms.`,
  '',
  '| batch size | batches | images/s | throughput vs batch 1 | batch latency median (ms) | batch latency p95 (ms) | latency vs batch 1 | inference per image (ms) | preprocessing / inference per image |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
].join('\n');

const outDir = join(REPO_ROOT, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'batching.md'), table);
console.log(table);
