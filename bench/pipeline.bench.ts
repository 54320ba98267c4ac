/**
 * Measures the model's raw `session.run` time against the time from upload to persisted result,
 * in one run on one machine, so the ratio shows what the pipeline adds around inference.
 *
 *   npm run bench                # 30 raw runs, 20 uploads
 *   BENCH_RUNS=50 BENCH_UPLOADS=40 npm run bench
 *
 * Starts its own embedded NATS, PostgreSQL and S3 plus every service (like `npm start`), and writes
 * a Markdown table to bench/out/pipeline.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { createLogger } from '@lookout/runtime';
import { photoPath } from '@lookout/testing';
import { ensureBuilt, ensureModel, ensureNatsServer, ensurePhotos, repoPath, startStack } from '@lookout/local-stack';
import { EventStreamReader } from '../test/e2e/event-stream.js';
import { measureSessionRuns } from './session-runs.js';

const RAW_RUNS = Number(process.env.BENCH_RUNS ?? 30);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 20);
const WARM_UP = 3;

interface Summary {
  median: number;
  p95: number;
  mean: number;
}

function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length };
}

async function measurePipeline(url: string): Promise<{ endToEnd: number[]; inference: number[]; detectorTotal: number[] }> {
  const events = new EventStreamReader(`${url}/v1/events`);
  await events.opened;
  const photo = readFileSync(photoPath('dog.jpg'));
  const endToEnd: number[] = [];
  const inference: number[] = [];
  const detectorTotal: number[] = [];
  try {
    for (let i = 0; i < WARM_UP + UPLOADS; i += 1) {
      const form = new FormData();
      form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'dog.jpg');
      const started = performance.now();
      const response = await fetch(`${url}/v1/images`, { method: 'POST', body: form });
      if (response.status !== 202) throw new Error(`upload returned ${response.status}: ${await response.text()}`);
      const { images } = (await response.json()) as { images: Array<{ id: string }> };
      const finished = await events.waitForStatus(images[0]!.id, ['done', 'failed']);
      const elapsed = performance.now() - started;
      if (finished.status !== 'done') throw new Error(`image ${images[0]!.id} failed`);
      if (i < WARM_UP) continue;
      const record = (await (await fetch(`${url}/v1/images/${images[0]!.id}`)).json()) as { timings: { inferenceMs: number; totalMs: number } };
      endToEnd.push(elapsed);
      inference.push(record.timings.inferenceMs);
      detectorTotal.push(record.timings.totalMs);
    }
  } finally {
    events.close();
  }
  return { endToEnd, inference, detectorTotal };
}

function row(name: string, summary: Summary, baseline: number): string {
  const f = (x: number) => x.toFixed(1);
  return `| ${name} | ${f(summary.median)} | ${f(summary.p95)} | ${f(summary.mean)} | ${(summary.median / baseline).toFixed(2)} |`;
}

ensureNatsServer();
ensureModel();
ensurePhotos();
ensureBuilt((line) => console.log(line));

console.log(`raw session.run: ${RAW_RUNS} runs`);
const raw = summarise((await measureSessionRuns({ runs: RAW_RUNS, intraOpThreads: availableParallelism() })).samplesMs);

console.log(`pipeline: ${UPLOADS} uploads, one at a time`);
const outDir = repoPath('bench/out');
mkdirSync(outDir, { recursive: true });
const stack = await startStack({ port: 0, host: '127.0.0.1', env: { LOG_LEVEL: 'warn' }, logDir: `${outDir}/logs`, logger: createLogger('bench', 'warn') });
let pipeline;
try {
  pipeline = await measurePipeline(stack.url.replace('localhost', '127.0.0.1'));
} finally {
  await stack.stop();
}

const table = [
  `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, onnxruntime-node CPU, ${availableParallelism()} intra-op threads, photo dog.jpg (768×576).`,
  '',
  '| measurement | median ms | p95 ms | mean ms | × raw session.run |',
  '|---|---|---|---|---|',
  row(`raw session.run (${RAW_RUNS} runs)`, raw, raw.median),
  row('session.run inside the detector', summarise(pipeline.inference), raw.median),
  row('detector job: decode + inference + post-processing', summarise(pipeline.detectorTotal), raw.median),
  row(`upload to persisted (${UPLOADS} uploads, sequential)`, summarise(pipeline.endToEnd), raw.median),
  '',
].join('\n');
writeFileSync(`${outDir}/pipeline.md`, table);
console.log(`\n${table}`);
