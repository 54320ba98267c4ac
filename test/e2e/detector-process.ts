import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { REPO_ROOT, repoPath } from '@lookout/local-stack';
import { waitFor } from '@lookout/testing';

/** Entry point of the built detector, which `npm test` builds before the suites run. */
export const DETECTOR_MAIN = repoPath('services/detector/dist/main.js');

export type DetectorLogLine = Record<string, unknown> & { msg: string };

/** Fails with the build command when the detector has not been built. */
export function assertDetectorBuilt(): void {
  if (!existsSync(DETECTOR_MAIN)) {
    throw new Error(`${DETECTOR_MAIN} not found: build it with \`npx tsc -b libs/tsconfig.build.json && npx nest build detector\`, or run \`npm test\`, which builds it`);
  }
}

/** A detector running as a child process, with its JSON log lines from stdout kept in order. */
export class DetectorProcess {
  readonly lines: DetectorLogLine[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly written = new EventEmitter();

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    createInterface({ input: child.stdout! }).on('line', (text) => {
      // onnxruntime and Node write some plain-text lines; only pino's JSON lines are kept.
      if (text.startsWith('{')) {
        this.lines.push(JSON.parse(text) as DetectorLogLine);
        this.written.emit('line');
      }
    });
    child.stderr!.resume();
  }

  /** Starts `node services/detector/dist/main.js` from the repository root with `env` added to this process's environment. */
  static start(env: NodeJS.ProcessEnv): DetectorProcess {
    assertDetectorBuilt();
    const child = spawn(process.execPath, [DETECTOR_MAIN], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    return new DetectorProcess(child);
  }

  /** Resolves with the first log line whose message is `msg` and that matches `where`. */
  waitForLine(msg: string, where: (line: DetectorLogLine) => boolean = () => true, timeoutMs = 30_000): Promise<DetectorLogLine> {
    return waitFor(() => this.lines.find((line) => line.msg === msg && where(line)), {
      describe: `detector log line "${msg}"`,
      timeoutMs,
      on: { emitter: this.written, event: 'line' },
    });
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Kills the process unless it has exited, for test clean-up. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
    }
    await this.exited;
  }
}
