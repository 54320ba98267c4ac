import { spawn } from 'node:child_process';

import { freePort, LOOPBACK_HOST } from '../free-port.js';
import { makeTempDir, removeDir } from '../process/make-temp-dir.js';
import { describeStartFailure, OutputTail } from '../process/output-tail.js';
import { killOnExit, stopChildProcess } from '../process/stop-child-process.js';
import { findNatsServer } from './find-nats-server.js';

const READY_LINE = 'Server is ready';
const START_TIMEOUT_MS = 30_000;

export interface StartNatsOptions {
  /** Client port; a free one is picked when omitted. */
  port?: number;
  /** HTTP monitoring port (`-m`); monitoring stays off when omitted. */
  monitoringPort?: number;
}

export interface NatsHandle {
  url: string;
  port: number;
  /** JetStream store directory, removed on stop. */
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts a throwaway nats-server with JetStream, storing its streams in a temp dir. */
export async function startNats(options: StartNatsOptions = {}): Promise<NatsHandle> {
  const binary = findNatsServer();
  const port = options.port ?? (await freePort());
  const storeDir = await makeTempDir('lookout-nats-');

  const args = ['-a', LOOPBACK_HOST, '-p', String(port), '-js', '-sd', storeDir];
  if (options.monitoringPort !== undefined) {
    args.push('-m', String(options.monitoringPort));
  }

  // Its own process group keeps a terminal's Ctrl-C away, so stop() decides when it ends and cleans up.
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const removeExitHook = killOnExit(child);
  const output = new OutputTail();

  const stop = async (): Promise<void> => {
    await stopChildProcess(child);
    removeExitHook();
    await removeDir(storeDir);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (reason: string): void => {
        clearTimeout(timer);
        reject(new Error(describeStartFailure(`nats-server (${binary})`, reason, output)));
      };
      const timer = setTimeout(() => fail(`not ready after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);

      // nats-server logs to stderr, but reading both streams keeps either pipe from filling up.
      const onOutput = (chunk: Buffer): void => {
        const lines = output.push(chunk);
        if (lines.some((line) => line.includes(READY_LINE))) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onOutput);
      child.stderr.on('data', onOutput);
      child.once('error', (error) => fail(error.message));
      child.once('exit', (code, signal) => fail(`exited early with code ${code ?? 'null'}, signal ${signal ?? 'null'}`));
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return { url: `nats://${LOOPBACK_HOST}:${port}`, port, dataDir: storeDir, stop };
}
