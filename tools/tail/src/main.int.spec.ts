import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ensureStreams } from '@lookout/messaging';
import { freePort, startNats, waitFor, type NatsHandle } from '@lookout/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import {
  detectionFoundEvent,
  detectionsCompletedEvent,
  detectionsFailedEvent,
  imageUploadedEvent,
  TestEventPublisher,
} from '../../../libs/subscriber/test/detection-events.fixture.js';
import { main } from './main.js';

/** One run of the tail command whose output lines are kept in memory. */
class TailRun {
  readonly lines: string[] = [];
  readonly errors: string[] = [];
  readonly exit: Promise<number>;
  private readonly controller = new AbortController();
  private readonly written = new EventEmitter();

  constructor(argv: string[], stackFile?: string) {
    this.exit = main(argv, {
      out: (line) => this.push(this.lines, line),
      err: (line) => this.push(this.errors, line),
      env: {},
      signal: this.controller.signal,
      stackFile,
    });
  }

  /** Resolves once the tail has opened `sources` consumers, so later publishes reach a live tail. */
  waitForStart(sources = 1): Promise<string[]> {
    return this.waitFor(() => {
      const started = this.errors.filter((line) => line.startsWith('tailing '));
      return started.length >= sources ? started : undefined;
    }, `${sources} "tailing" status lines`);
  }

  waitForLines(count: number): Promise<string[]> {
    return this.waitFor(() => (this.lines.length >= count ? this.lines : undefined), `${count} output lines`);
  }

  async stop(): Promise<number> {
    this.controller.abort();
    return this.exit;
  }

  private waitFor<T>(check: () => T | undefined, describe: string): Promise<T> {
    return waitFor(check, { describe, timeoutMs: 10_000, on: { emitter: this.written, event: 'line' } });
  }

  private push(into: string[], line: string): void {
    into.push(line);
    this.written.emit('line');
  }
}

describe('tail command', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let publish: TestEventPublisher;
  const runs: TailRun[] = [];

  beforeEach(async () => {
    nats = await startNats();
    nc = await connect({ servers: nats.url });
    await ensureStreams(nc);
    publish = new TestEventPublisher(nc);
  });

  afterEach(async () => {
    await Promise.all(runs.splice(0).map((run) => run.stop()));
    await nc.close();
    await nats.stop();
  });

  function tail(...argv: string[]): TailRun {
    const run = new TailRun([...argv, '--nats', nats.url]);
    runs.push(run);
    return run;
  }

  it('prints new events as they arrive', async () => {
    await publish.found(detectionFoundEvent('person', 0.9));
    const run = tail();
    await run.waitForStart();

    const cat = detectionFoundEvent('cat', 0.7);
    const seq = await publish.found(cat);
    await run.waitForLines(1);

    expect(await run.stop()).toBe(0);
    expect(run.lines).toEqual([`${cat.time}  ${cat.subject}  found      cat  0.70  test-model@1  1 box  DETECTIONS#${seq}`]);
    expect(await (await jetstreamManager(nc)).consumers.list('DETECTIONS').next()).toEqual([]);
  });

  it('replays events since a duration', async () => {
    const dog = detectionFoundEvent('dog', 0.9);
    await publish.found(dog);
    const person = detectionFoundEvent('person', 0.4);
    await publish.found(person);
    await publish.completed(detectionsCompletedEvent([0.9, 0.4]));

    const run = tail('--since', '10m');
    await run.waitForLines(2);

    expect(await run.stop()).toBe(0);
    expect(run.lines.map((line) => line.split('  ')[1])).toEqual([dog.subject, person.subject]);
    expect(run.lines[1]).toContain('found      person  0.40');
  });

  it('replays events since an ISO time', async () => {
    await publish.found(detectionFoundEvent('dog', 0.9));
    const startTime = new Date(Date.now() + 1);
    await waitFor(() => Date.now() > startTime.getTime(), { describe: 'the clock to pass the start time' });
    const later = detectionFoundEvent('person', 0.8);
    await publish.found(later);

    const run = tail('--since', startTime.toISOString());
    await run.waitForLines(1);
    const afterStart = detectionFoundEvent('bicycle', 0.6);
    await publish.found(afterStart);
    await run.waitForLines(2);

    expect(await run.stop()).toBe(0);
    expect(run.lines.map((line) => line.split('  ')[1])).toEqual([later.subject, afterStart.subject]);
  });

  it('filters by label on the server', async () => {
    const firstDog = detectionFoundEvent('dog', 0.9);
    await publish.found(firstDog);
    await publish.found(detectionFoundEvent('person', 0.8));
    const lastDog = detectionFoundEvent('dog', 0.5);
    await publish.found(lastDog);

    const run = tail('--since', '10m', '--label', 'dog');
    // Lines follow stream order, so a person line would come before the last dog.
    await run.waitForLines(2);

    expect(await run.stop()).toBe(0);
    expect(run.lines.map((line) => line.split('  ')[1])).toEqual([firstDog.subject, lastDog.subject]);
    expect(run.errors[0]).toMatch(/^tailing detections\.found\.v1\.dog in DETECTIONS from time /);
  });

  it('filters several labels and a minimum score', async () => {
    await publish.found(detectionFoundEvent('person', 0.3));
    await publish.found(detectionFoundEvent('dog', 0.9));
    const light = detectionFoundEvent('traffic light', 0.7);
    await publish.found(light);
    const person = detectionFoundEvent('person', 0.6);
    await publish.found(person);

    const run = tail('--since', '1h', '--label', 'person', '--label', 'traffic light', '--min-score', '0.5');
    await run.waitForLines(2);

    expect(await run.stop()).toBe(0);
    expect(run.lines.map((line) => line.split('  ')[1])).toEqual([light.subject, person.subject]);
  });

  it('starts from a stream sequence', async () => {
    await publish.found(detectionFoundEvent('dog', 0.9));
    const second = detectionFoundEvent('dog', 0.8);
    const seq = await publish.found(second);
    const third = detectionFoundEvent('cat', 0.7);
    await publish.found(third);

    const run = tail('--from-seq', String(seq));
    await run.waitForLines(2);

    expect(await run.stop()).toBe(0);
    expect(run.lines.map((line) => line.split('  ')[1])).toEqual([second.subject, third.subject]);
  });

  it('prints raw JSON', async () => {
    const dog = detectionFoundEvent('dog', 0.9);
    await publish.found(dog);

    const run = tail('--since', '10m', '--json');
    await run.waitForLines(1);

    expect(await run.stop()).toBe(0);
    expect(JSON.parse(run.lines[0]!)).toEqual(dog);
  });

  it('prints every subject with --all-subjects', async () => {
    const uploaded = imageUploadedEvent();
    await publish.uploaded(uploaded);
    await publish.completed(detectionsCompletedEvent([0.9], uploaded.subject));
    await publish.found(detectionFoundEvent('person', 0.9, uploaded.subject));
    await publish.failed(detectionsFailedEvent());

    const run = tail('--since', '10m', '--all-subjects');
    await run.waitForStart(2);
    await run.waitForLines(4);

    expect(await run.stop()).toBe(0);
    const kinds = run.lines.map((line) => line.split('  ')[2]!.trim());
    expect(kinds.sort()).toEqual(['completed', 'failed', 'found', 'uploaded']);
    expect(run.lines.find((line) => line.includes('uploaded'))).toMatch(/uploaded   street\.jpg {2}640x480 jpeg {2}IMAGES#1$/);
  });

  it('connects to the stack recorded by npm start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lookout-tail-'));
    const stackFile = join(dir, 'stack.json');
    await writeFile(stackFile, JSON.stringify({ url: 'http://127.0.0.1:8080', natsUrl: nats.url }));
    try {
      const run = new TailRun([], stackFile);
      runs.push(run);

      const [status] = await run.waitForStart();

      expect(status).toBe(`tailing detections.found.v1.* in DETECTIONS from sequence 1 on ${nats.url}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports an invalid event and goes on', async () => {
    const run = tail();
    await run.waitForStart();

    const invalidSeq = await publish.raw('detections.found.v1.dog', new TextEncoder().encode('not json'));
    const dog = detectionFoundEvent('dog', 0.9);
    await publish.found(dog);
    await run.waitForLines(1);

    expect(await run.stop()).toBe(0);
    expect(run.lines[0]).toContain(dog.subject);
    expect(run.errors).toContain(`skipped DETECTIONS#${invalidSeq} on detections.found.v1.dog: Invalid detections.found.v1 event: message body is not JSON`);
  });
});

describe('tail command failures', () => {
  function run(argv: string[]) {
    const lines: string[] = [];
    const errors: string[] = [];
    const exit = main(argv, { out: (line) => lines.push(line), err: (line) => errors.push(line), env: {}, signal: new AbortController().signal });
    return { lines, errors, exit };
  }

  it('exits with 2 on an invalid argument', async () => {
    const { errors, exit } = run(['--min-score', 'high']);

    expect(await exit).toBe(2);
    expect(errors[0]).toMatch(/^Invalid --min-score "high"/);
  });

  it('prints the help', async () => {
    const { lines, exit } = run(['--help']);

    expect(await exit).toBe(0);
    expect(lines[0]).toMatch(/^Usage: npm run tail -- \[options\]/);
  });

  it('exits with 1 when NATS is unreachable', async () => {
    const closedPort = await freePort();
    const { errors, exit } = run(['--nats', `nats://127.0.0.1:${closedPort}`]);

    expect(await exit).toBe(1);
    expect(errors[0]).toMatch(new RegExp(`^Connecting to NATS at nats://127\\.0\\.0\\.1:${closedPort} failed`));
  });
});
