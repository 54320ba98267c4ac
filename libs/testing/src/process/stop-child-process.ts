import type { ChildProcess } from 'node:child_process';

const STOP_GRACE_MS = 10_000;

/**
 * Sends `signal` to the child and resolves once it has exited. A child still alive after
 * STOP_GRACE_MS gets SIGKILL, so a stuck server cannot hang a test run's teardown.
 */
export function stopChildProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }

  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(forceKill);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * Kills the child when this Node process exits, so a crashed or interrupted test run leaves no
 * server behind. Returns a function that removes the hook after a normal stop.
 */
export function killOnExit(child: ChildProcess): () => void {
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  };
  process.once('exit', kill);
  return () => process.removeListener('exit', kill);
}
