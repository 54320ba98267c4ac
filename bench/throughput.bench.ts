/**
 * Throughput of the detection pipeline, measured in one run on one machine:
 *
 *   1. detector throughput with one and with two detector processes, each pinned to one CPU with
 *      one intra-op thread (images per second, and the ratio of two to one);
 *   2. the detector's preprocessing of one photo over one single-threaded inference of it;
 *   3. the whole pipeline's images per second (uploads through the gateway, all at once) over the
 *      raw `session.run` throughput of the same model with the detector's default threads, at
 *      batch 1 and at the detector's default batch size.
 *
 *   npx tsx bench/throughput.bench.ts            # 60 jobs per detector run, 60 uploads
 *   BENCH_JOBS=120 BENCH_UPLOADS=100 npx tsx bench/throughput.bench.ts
 *
 * Writes a Markdown table to bench/out/throughput.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { connect } from '@nats-io/transport-node';
import { createEvent, decodeEvent, SUBJECTS, type DetectionsCompletedV1 } from '@lookout/contracts';
import { createLogger } from '@lookout/runtime';
import { ensureStreams, EventPublisher } from '@lookout/messaging';
import { ObjectStore } from '@lookout/storage';
import { deferred, freePort, photoPath, startNats, startS3 } from '@lookout/testing';
import {
  ensureBuilt,
  ensureModel,
  ensureNatsServer,
  ensurePhotos,
  repoPath,
  spawnService,
  startStack,
  waitForHealthy,
} from '@lookout/local-stack';
import { EventStreamReader } from '../test/e2e/event-stream.js';
import { preprocessImage } from '../services/detector/src/inference/preprocess.js';
import { loadModelManifest } from '../services/detector/src/model/model-manifest.js';
import { measureSessionRuns } from './session-runs.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 60);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 60);
const BUCKET = 'bench-images';
const OUT_DIR = repoPath('bench/out');
const MODEL_DIR = repoPath('models/nanodet-g-416');
/** The detector's default DETECTOR_BATCH_SIZE. */
const DETECTOR_BATCH = 8;
const logger = createLogger('bench', 'warn');

interface DetectorRun {
  imagesPerSecond: number;
  completed: DetectionsCompletedV1[];
}

/**
 * Starts `processes` detectors, each pinned to its own CPU with one intra-op thread, and waits until
 * all are healthy. Then it fills the queue with JOBS uploaded events for one stored photo and times
 * how long the detectors take to publish every result. Pinning makes one detector use one CPU, so two
 * detectors on two CPUs show how the work splits rather than how one process spreads its threads.
 */
async function measureDetectors(processes: number): Promise<DetectorRun> {
  const nats = await startNats();
  const s3 = await startS3({ buckets: [BUCKET] });
  const store = new ObjectStore({ endpoint: s3.endpoint, region: s3.region, bucket: BUCKET, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey, forcePathStyle: true });
  const key = 'images/bench/dog.jpg';
  await store.put(key, readFileSync(photoPath('dog.jpg')), 'image/jpeg');

  const connection = await connect({ servers: nats.url });
  await ensureStreams(connection);
  const publisher = new EventPublisher(connection, logger);
  const completed: DetectionsCompletedV1[] = [];
  const allDone = deferred<number>();
  const subscription = connection.subscribe(SUBJECTS.detectionsCompleted, {
    callback: (_error, message) => {
      completed.push(decodeEvent(SUBJECTS.detectionsCompleted, message.data).data);
      if (completed.length === JOBS) allDone.resolve(performance.now());
    },
  });

  const detectors = [];
  try {
    for (let index = 0; index < processes; index += 1) {
      const port = await freePort();
      const cpu = index % availableParallelism();
      const detector = spawnService({
        name: `bench-detector-${index + 1}`,
        command: 'taskset',
        args: ['--cpu-list', String(cpu), process.execPath, repoPath('services/detector/dist/main.js')],
        cwd: repoPath(),
        env: {
          ...process.env,
          NATS_URL: nats.url,
          S3_ENDPOINT: s3.endpoint,
          S3_REGION: s3.region,
          S3_BUCKET: BUCKET,
          S3_ACCESS_KEY_ID: s3.accessKeyId,
          S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
          S3_FORCE_PATH_STYLE: 'true',
          DETECTOR_PORT: String(port),
          DETECTOR_HOST: '127.0.0.1',
          DETECTOR_INTRA_OP_THREADS: '1',
          DETECTOR_DEVICE: 'cpu',
          LOG_LEVEL: 'warn',
        },
        logFile: `${OUT_DIR}/bench-detector-${processes}-${index + 1}.log`,
        logger,
      });
      detectors.push({ detector, port });
    }
    await Promise.all(detectors.map(({ detector, port }) => waitForHealthy(detector, `http://127.0.0.1:${port}/health`, 60_000)));

    const started = performance.now();
    for (let i = 0; i < JOBS; i += 1) {
      const imageId = randomUUID();
      const data = { imageId, object: { bucket: BUCKET, key }, contentType: 'image/jpeg', format: 'jpeg', bytes: 1, width: 768, height: 576, uploadedAt: new Date().toISOString() };
      await publisher.publish(SUBJECTS.imageUploaded, createEvent(SUBJECTS.imageUploaded, { source: '/lookout/bench', subject: imageId, data }));
    }
    const finished = await allDone.promise;
    return { imagesPerSecond: (JOBS * 1000) / (finished - started), completed };
  } finally {
    subscription.unsubscribe();
    await Promise.allSettled(detectors.map(({ detector }) => detector.stop()));
    await connection.drain();
    await Promise.allSettled([nats.stop(), s3.stop()]);
  }
}

/** Times the detector's own preprocessing against one single-threaded batch-1 inference, one after the other. */
async function measurePreprocessing(): Promise<{ preprocessMs: number; inferenceMs: number }> {
  const manifest = await loadModelManifest(MODEL_DIR);
  const bytes = readFileSync(photoPath('dog.jpg'));
  const preprocessSamples: number[] = [];
  for (let i = 0; i < 3 + 40; i += 1) {
    const started = performance.now();
    await preprocessImage(bytes, manifest.input);
    if (i >= 3) preprocessSamples.push(performance.now() - started);
  }
  const inference = await measureSessionRuns({ runs: 40, intraOpThreads: 1 });
  return { preprocessMs: median(preprocessSamples), inferenceMs: median(inference.samplesMs) };
}

/** Uploads UPLOADS photos at once through the gateway and times until the last is stored. */
async function measurePipeline(): Promise<number> {
  const stack = await startStack({ port: 0, host: '127.0.0.1', env: { LOG_LEVEL: 'warn' }, logDir: `${OUT_DIR}/logs`, logger });
  const url = stack.url.replace('localhost', '127.0.0.1');
  const events = new EventStreamReader(`${url}/v1/events`);
  try {
    await events.opened;
    const photo = readFileSync(photoPath('dog.jpg'));
    const started = performance.now();
    const ids = await Promise.all(
      Array.from({ length: UPLOADS }, async () => {
        const form = new FormData();
        form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'dog.jpg');
        const response = await fetch(`${url}/v1/images`, { method: 'POST', body: form });
        if (response.status !== 202) throw new Error(`upload returned ${response.status}: ${await response.text()}`);
        const body = (await response.json()) as { images: Array<{ id: string }> };
        return body.images[0]!.id;
      }),
    );
    await Promise.all(ids.map((id) => events.waitForStatus(id, ['done', 'failed'])));
    return (UPLOADS * 1000) / (performance.now() - started);
  } finally {
    events.close();
    await stack.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

ensureNatsServer();
ensureModel();
ensurePhotos();
ensureBuilt((line) => console.log(line));
mkdirSync(OUT_DIR, { recursive: true });

const threads = availableParallelism();
console.log(`raw session.run throughput, ${threads} intra-op threads, batch 1 and ${DETECTOR_BATCH}`);
const rawSingle = await measureSessionRuns({ runs: 40, intraOpThreads: threads });
const rawBatched = await measureSessionRuns({ runs: 10, intraOpThreads: threads, batch: DETECTOR_BATCH });
console.log('preprocessing against single-threaded inference');
const preprocessing = await measurePreprocessing();
console.log(`detector throughput: ${JOBS} queued jobs, one process`);
const one = await measureDetectors(1);
console.log(`detector throughput: ${JOBS} queued jobs, two processes`);
const two = await measureDetectors(2);
console.log(`pipeline throughput: ${UPLOADS} uploads at once`);
const pipelineImagesPerSecond = await measurePipeline();

function perDetector(run: DetectorRun): string {
  const counts = new Map<string, number>();
  for (const event of run.completed) counts.set(event.detectorId, (counts.get(event.detectorId) ?? 0) + 1);
  return [...counts].map(([id, count]) => `${id}: ${count}`).join(', ');
}

const f = (value: number, digits = 2) => value.toFixed(digits);
const table = [
  `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, CPU execution provider, photo dog.jpg (768×576).`,
  '',
  '| measurement | value | ratio | target |',
  '|---|---|---|---|',
  `| one detector on one CPU, 1 intra-op thread | ${f(one.imagesPerSecond)} images/s | 1.00 | |`,
  `| two detectors on one CPU each, 1 intra-op thread each | ${f(two.imagesPerSecond)} images/s (${perDetector(two)}) | ${f(two.imagesPerSecond / one.imagesPerSecond)} × one | ≥ 1.8 |`,
  `| preprocessing / inference, one image, 1 thread | ${f(preprocessing.preprocessMs, 1)} ms / ${f(preprocessing.inferenceMs, 1)} ms | ${f((100 * preprocessing.preprocessMs) / preprocessing.inferenceMs, 0)} % | < 15 % |`,
  `| raw session.run, batch 1, ${threads} intra-op threads | ${f(rawSingle.imagesPerSecond)} images/s | 1.00 | |`,
  `| raw session.run, batch ${DETECTOR_BATCH}, ${threads} intra-op threads | ${f(rawBatched.imagesPerSecond)} images/s | ${f(rawBatched.imagesPerSecond / rawSingle.imagesPerSecond)} × batch 1 | |`,
  `| pipeline, ${UPLOADS} uploads at once, one detector | ${f(pipelineImagesPerSecond)} images/s | ${f((100 * pipelineImagesPerSecond) / rawSingle.imagesPerSecond, 0)} % of batch 1, ${f((100 * pipelineImagesPerSecond) / rawBatched.imagesPerSecond, 0)} % of batch ${DETECTOR_BATCH} | ≥ 90 % |`,
  '',
].join('\n');
writeFileSync(`${OUT_DIR}/throughput.md`, table);
console.log(`\n${table}`);
