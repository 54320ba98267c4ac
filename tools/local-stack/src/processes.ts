import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import type { Logger } from '@lookout/runtime';

export interface ServiceProcess {
  name: string;
  logFile: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnServiceOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  logger: Logger;
}

/** Time a service gets to finish its work after SIGTERM before it is killed. */
const STOP_GRACE_MS = 15_000;

/** Starts one service as a child process whose stdout and stderr go to its log file. */
export function spawnService(options: SpawnServiceOptions): ServiceProcess {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  // A process group of its own keeps a terminal's Ctrl-C away from the service, so that only
  // the supervisor's SIGTERM stops it, once, in order.
  const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.once('exit', (code, signal) => {
    // 143 is 128 + SIGTERM: the exit code of a process that stopped on the signal we sent.
    const level = code === 0 || code === 143 || signal === 'SIGTERM' ? 'info' : 'error';
    options.logger[level]({ process: options.name, code, signal, logFile: options.logFile }, 'service process exited');
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  return { name: options.name, logFile: options.logFile, child, stop };
}

/**
 * Polls a service's health URL until it returns 200. Fails at once when the process exits,
 * quoting the end of its log, and after `timeoutMs` otherwise.
 */
export async function waitForHealthy(service: ServiceProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delayMs = 50;
  let exited = false;
  service.child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited || service.child.exitCode !== null) {
      throw new Error(`${service.name} exited during start-up. Last log lines:\n${tail(service.logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs = Math.min(delayMs * 2, 500);
  }
  throw new Error(`${service.name} was not healthy at ${url} within ${timeoutMs} ms. Last log lines:\n${tail(service.logFile)}`);
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log output)';
  }
}
