import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { LOOPBACK_HOST } from '../free-port.js';
import { makeTempDir, removeDir } from '../process/make-temp-dir.js';
import { describeStartFailure, OutputTail } from '../process/output-tail.js';
import { killOnExit, stopChildProcess } from '../process/stop-child-process.js';
import { S3RVER_ACCESS_KEY_ID, S3RVER_REGION, S3RVER_SECRET_ACCESS_KEY } from './s3rver-credentials.js';

const START_TIMEOUT_MS = 30_000;

// The child is a plain .mjs file outside src/, so the same relative path works from
// src/s3/start-s3.ts under tsx or jest and from the compiled dist/s3/start-s3.js.
const CHILD_ENTRY = fileURLToPath(new URL('../../bin/s3rver-child.mjs', import.meta.url));

export interface StartS3Options {
  /** Port to listen on; the child binds port 0 and reports the port it got when omitted. */
  port?: number;
  /** Buckets created before the server accepts requests. */
  buckets?: string[];
}

export interface S3Handle {
  endpoint: string;
  port: number;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Object storage directory, removed on stop. */
  dataDir: string;
  stop(): Promise<void>;
}

type ChildMessage = { type: 'ready'; port: number } | { type: 'error'; message: string };

/** Starts a throwaway s3rver in a child Node process, storing objects in a temp dir. */
export async function startS3(options: StartS3Options = {}): Promise<S3Handle> {
  const directory = await makeTempDir('lookout-s3-');
  const config = { port: options.port ?? 0, directory, buckets: options.buckets ?? [] };

  const child = spawn(process.execPath, ['--openssl-legacy-provider', CHILD_ENTRY, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Its own process group keeps a terminal's Ctrl-C away, so stop() decides when it ends and cleans up.
    detached: true,
  });
  const removeExitHook = killOnExit(child);
  const output = new OutputTail();
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));

  const stop = async (): Promise<void> => {
    await stopChildProcess(child);
    removeExitHook();
    await removeDir(directory);
  };

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const fail = (reason: string): void => {
        clearTimeout(timer);
        reject(new Error(describeStartFailure(`s3rver (${CHILD_ENTRY})`, reason, output)));
      };
      const timer = setTimeout(() => fail(`not ready after ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);

      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message.port);
        } else {
          fail(message.message);
        }
      });
      child.once('error', (error) => fail(error.message));
      child.once('exit', (code, signal) => fail(`exited early with code ${code ?? 'null'}, signal ${signal ?? 'null'}`));
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    endpoint: `http://${LOOPBACK_HOST}:${port}`,
    port,
    region: S3RVER_REGION,
    accessKeyId: S3RVER_ACCESS_KEY_ID,
    secretAccessKey: S3RVER_SECRET_ACCESS_KEY,
    dataDir: directory,
    stop,
  };
}
