/**
 * Measures the common read queries of the results service on one million detections.
 *
 *   npx tsx bench/results-queries.bench.ts
 *   BENCH_RUNS=500 npx tsx bench/results-queries.bench.ts
 *
 * Starts an embedded PostgreSQL and NATS, applies the real migrations and seeds 100 000 images
 * with 1 000 000 detections in SQL. Then it starts the built results service
 * (`services/results/dist`, rebuilt when its sources are newer) and times HTTP requests to it, one
 * at a time, from this process. It prints a Markdown table and writes it, with the EXPLAIN plans of
 * the main queries, to bench/out/results-queries.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import { repoPath, spawnService, waitForHealthy, type ServiceProcess } from '@lookout/local-stack';
import { createLogger } from '@lookout/runtime';
import { freePort, startNats, startPostgres } from '@lookout/testing';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../services/results/src/database/data-source.js';
import { ImagesRepository } from '../services/results/src/images/images.repository.js';
import { LabelStatsRepository } from '../services/results/src/stats/label-stats.repository.js';
import { QueryCapture } from './query-capture.js';
import { COCO_LABELS, DAYS, DETECTIONS, IMAGES, seedResults } from './results-seed.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARM_UP_RUNS = 20;
const P95_TARGET_MS = 20;
const DAY_MS = 86_400_000;

interface Summary {
  p50: number;
  p95: number;
  max: number;
}

function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

/** A small deterministic generator (mulberry32), so every run sends the same queries. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) {
    return stats.mtimeMs;
  }
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: repoPath(), stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  }
}

/** Builds the libraries and the results service when their sources are newer than the build. */
function ensureResultsBuilt(): void {
  run(process.execPath, [repoPath('node_modules/typescript/bin/tsc'), '-b', repoPath('libs/tsconfig.build.json')]);
  const main = repoPath('services/results/dist/main.js');
  const sources = [repoPath('services/results/src'), ...['contracts', 'messaging', 'runtime', 'storage'].map((lib) => repoPath('libs', lib, 'src'))];
  if (!existsSync(main) || Math.max(...sources.map(newestMtime)) > statSync(main).mtimeMs) {
    console.log('building the results service');
    run(process.execPath, [repoPath('node_modules/@nestjs/cli/bin/nest.js'), 'build', 'results']);
  }
}

async function timed(url: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.json();
  const ms = performance.now() - started;
  if (!response.ok) {
    throw new Error(`${url} returned ${response.status}: ${JSON.stringify(body)}`);
  }
  return { ms, body };
}

interface Scenario {
  name: string;
  samples: number[];
}

/** Query parameters of the pages: every label in turn, rare ones included, with a score threshold and a 1 to 7 day window. */
interface PageQuery {
  label: string;
  minScore: number;
  from: Date;
  to: Date;
}

function pageQueries(newest: Date): { pages: PageQuery[]; weeks: Array<{ from: Date; to: Date }> } {
  const random = seededRandom(42);
  const window = (days: number) => {
    const to = new Date(newest.getTime() - random() * (DAYS - days) * DAY_MS);
    return { from: new Date(to.getTime() - days * DAY_MS), to };
  };
  const pages: PageQuery[] = [];
  const weeks: Array<{ from: Date; to: Date }> = [];
  for (let i = 0; i < WARM_UP_RUNS + RUNS; i += 1) {
    const minScore = [0.3, 0.5, 0.7][Math.floor(random() * 3)]!;
    pages.push({ label: COCO_LABELS[i % COCO_LABELS.length]!, minScore, ...window(1 + Math.floor(random() * 7)) });
    weeks.push(window(7));
  }
  return { pages, weeks };
}

/** Times `action` WARM_UP_RUNS + RUNS times, one at a time, and keeps the samples after the warm-up. */
async function sample(action: (run: number) => Promise<number | undefined>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < WARM_UP_RUNS + RUNS; run += 1) {
    const ms = await action(run);
    if (run >= WARM_UP_RUNS && ms !== undefined) {
      samples.push(ms);
    }
  }
  return samples;
}

/** Times each kind of request in a loop of its own, so that the slow statistics queries do not share a loop with the pages. */
async function measureHttp(baseUrl: string, imageIds: string[], newest: Date): Promise<Scenario[]> {
  const { pages, weeks } = pageQueries(newest);
  const pageQuery = (page: PageQuery) =>
    `label=${encodeURIComponent(page.label)}&minScore=${page.minScore}&from=${page.from.toISOString()}&to=${page.to.toISOString()}&limit=20`;
  const cursors: Array<string | null> = [];

  const firstPage = await sample(async (run) => {
    const first = await timed(`${baseUrl}/v1/images?${pageQuery(pages[run]!)}`);
    cursors[run] = (first.body as { nextCursor: string | null }).nextCursor;
    return first.ms;
  });
  // A query with fewer than 20 matches has no next page.
  const nextPage = await sample(async (run) =>
    cursors[run] === null ? undefined : (await timed(`${baseUrl}/v1/images?${pageQuery(pages[run]!)}&cursor=${cursors[run]}`)).ms,
  );
  const byId = await sample(async (run) => (await timed(`${baseUrl}/v1/images/${imageIds[run % imageIds.length]}`)).ms);
  const stats = await sample(async (run) => {
    const week = weeks[run]!;
    return (await timed(`${baseUrl}/v1/stats/labels?from=${week.from.toISOString()}&to=${week.to.toISOString()}`)).ms;
  });
  const coco = await sample(async (run) => (await timed(`${baseUrl}/v1/images/${imageIds[(run * 7) % imageIds.length]}/coco`)).ms);

  return [
    { name: 'label + minScore + time range, first page of 20', samples: firstPage },
    { name: 'same query, next page by cursor', samples: nextPage },
    { name: 'one image by id', samples: byId },
    { name: 'per-label counts over 7 days', samples: stats },
    { name: 'COCO export of one image', samples: coco },
  ];
}

/** Times the first pages through ImagesRepository in this process, without HTTP, Nest and JSON. */
async function measureRepository(databaseUrl: string, newest: Date): Promise<Scenario> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const images = new ImagesRepository(dataSource);
    const { pages } = pageQueries(newest);
    const samples = await sample(async (run) => {
      const started = performance.now();
      await images.findPage({ ...pages[run]!, take: 21 });
      return performance.now() - started;
    });
    return { name: 'first page through ImagesRepository.findPage, in process', samples };
  } finally {
    await dataSource.destroy();
  }
}

/** Runs the repositories' real queries through a capturing DataSource and returns their EXPLAIN output. */
async function explainPlans(databaseUrl: string, newest: Date, imageId: string): Promise<Array<{ title: string; plan: string }>> {
  const capture = new QueryCapture();
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), logger: capture, logging: ['query'] });
  await dataSource.initialize();
  try {
    const images = new ImagesRepository(dataSource);
    const stats = new LabelStatsRepository(dataSource);
    const to = new Date(newest.getTime() - 3 * DAY_MS);
    const from = new Date(to.getTime() - 7 * DAY_MS);
    const plans: Array<{ title: string; plan: string }> = [];

    // Explains the action's SELECT number `index` after the SET statements the action ran before it,
    // in a transaction of its own as the repository does, so the plan is the one the service gets.
    const explain = async (title: string, action: () => Promise<unknown>, index = 0) => {
      const queries = await capture.record(action);
      const selects = queries.filter((query) => /^\s*select/i.test(query.sql));
      const settings = queries.filter((query) => /^\s*set /i.test(query.sql));
      const target = selects[index]!;
      const rows = await dataSource.transaction(async (manager) => {
        for (const setting of settings) {
          await manager.query(setting.sql, setting.parameters);
        }
        return manager.query<Array<{ 'QUERY PLAN': string }>>(`explain (analyze, buffers) ${target.sql}`, target.parameters);
      });
      plans.push({ title, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
    };

    for (const label of ['person', 'toothbrush']) {
      await explain(`First page: label=${label}, minScore=0.5, 7 days, limit 20`, () => images.findPage({ label, minScore: 0.5, from, to, take: 21 }));
    }
    const [last] = (await images.findPage({ label: 'dog', minScore: 0.5, from, to, take: 20 })).slice(-1);
    const cursor = { uploadedAt: last!.image.uploadedAt, id: last!.image.id };
    await explain('Next page: label=dog, minScore=0.5, 7 days, by cursor', () => images.findPage({ label: 'dog', minScore: 0.5, from, to, cursor, take: 21 }));
    await explain('Rare label at a high score over all time: label=toothbrush, minScore=0.95', () => images.findPage({ label: 'toothbrush', minScore: 0.95, take: 21 }));
    await explain('Failed images, newest first', () => images.findPage({ status: 'failed', take: 21 }));
    await explain('Per-label counts over 7 days', () => stats.countLabels({ from, to }));
    await explain('Detections of one image (image by id, COCO export)', () => images.findById(imageId), 1);
    return plans;
  } finally {
    await dataSource.destroy();
  }
}

function table(scenarios: Scenario[]): string {
  const lines = ['| query (one at a time) | runs | p50 ms | p95 ms | max ms |', '|---|---:|---:|---:|---:|'];
  for (const scenario of scenarios) {
    const { p50, p95, max } = summarise(scenario.samples);
    lines.push(`| ${scenario.name} | ${scenario.samples.length} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} |`);
  }
  return lines.join('\n');
}

const logger = createLogger('bench', 'warn');
ensureResultsBuilt();
const postgres = await startPostgres();
const nats = await startNats();
const outDir = repoPath('bench/out');
mkdirSync(join(outDir, 'logs'), { recursive: true });
const env = { ...process.env, DATABASE_URL: postgres.url, NATS_URL: nats.url, LOG_LEVEL: 'warn' };
let service: ServiceProcess | undefined;
const client = new pg.Client({ connectionString: postgres.url });
try {
  run(process.execPath, [repoPath('services/results/dist/migrate.js')], env);
  await client.connect();

  console.log(`seeding ${IMAGES} images and ${DETECTIONS} detections`);
  const seedStarted = performance.now();
  await seedResults(client);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const { rows: idRows } = await client.query<{ id: string }>(`select id from images tablesample system (5) limit 2000`);
  const { rows: newestRows } = await client.query<{ newest: Date }>(`select max(uploaded_at) as newest from images`);
  const { rows: counts } = await client.query<{ images: number; detections: number }>(
    `select (select count(*)::int from images) as images, (select count(*)::int from detections) as detections`,
  );
  const newest = newestRows[0]!.newest;
  const imageIds = idRows.map((row) => row.id);
  console.log(`seeded ${counts[0]!.images} images and ${counts[0]!.detections} detections in ${seedSeconds.toFixed(0)} s`);

  const port = await freePort();
  service = spawnService({
    name: 'results',
    command: process.execPath,
    args: [repoPath('services/results/dist/main.js')],
    cwd: repoPath(),
    env: { ...env, RESULTS_PORT: String(port) },
    logFile: join(outDir, 'logs', 'results-queries.log'),
    logger,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealthy(service, `${baseUrl}/health`, 60_000);

  console.log(`timing ${RUNS} runs of each query after ${WARM_UP_RUNS} warm-up runs`);
  const loadStart = loadavg()[0]!;
  const scenarios = [...(await measureHttp(baseUrl, imageIds, newest)), await measureRepository(postgres.url, newest)];
  console.log(`\n${table(scenarios)}\n`);
  const plans = await explainPlans(postgres.url, newest, imageIds[0]!);

  const firstPageP95 = summarise(scenarios[0]!.samples).p95;
  const markdown = [
    '# Results queries',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ` +
      `Node.js ${process.version}, embedded PostgreSQL with fsync off. The benchmark, the results service and PostgreSQL share the machine, ` +
      `whose 1-minute load average was ${loadStart.toFixed(1)} before the timing and ${loadavg()[0]!.toFixed(1)} after it.`,
    '',
    `Data: ${counts[0]!.images} images over ${DAYS} days (1 % failed, two model versions) and ${counts[0]!.detections} detections ` +
      `over the 80 COCO labels, seeded in ${seedSeconds.toFixed(0)} s. Each first page cycles through all 80 labels with minScore ` +
      `0.3, 0.5 or 0.7 and a window of 1 to 7 days. The next page follows the first page's cursor when it has one. ` +
      'All rows but the last are HTTP requests to the results service, timed in the benchmark process from request to parsed body.',
    '',
    table(scenarios),
    '',
    `Target: p95 under ${P95_TARGET_MS} ms for the label + score + time-range pages: ${firstPageP95 < P95_TARGET_MS ? 'met' : 'not met'} ` +
      `(${firstPageP95.toFixed(1)} ms).`,
    '',
    'Command: `npx tsx bench/results-queries.bench.ts`',
    '',
    '## Query plans',
    '',
    ...plans.flatMap(({ title, plan }) => [`### ${title}`, '', '```', plan, '```', '']),
  ].join('\n');
  writeFileSync(join(outDir, 'results-queries.md'), markdown);
  console.log(`wrote ${join(outDir, 'results-queries.md')}`);
} finally {
  await client.end().catch(() => undefined);
  await service?.stop();
  await nats.stop();
  await postgres.stop();
}
