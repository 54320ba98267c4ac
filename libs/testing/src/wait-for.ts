import type { EventEmitter } from 'node:events';

const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_POLL_INTERVAL_MS = 100;

export interface WaitForOptions {
  /** Description of the awaited condition, worded to follow "Timed out waiting for". */
  describe: string;
  timeoutMs?: number;
  /** Re-check on each emission of this event instead of polling. */
  on?: { emitter: EventEmitter; event: string | symbol };
}

/** A result of `check` that means "not yet". */
type Pending = false | null | undefined;

export class WaitForTimeoutError extends Error {
  readonly code = 'WAIT_FOR_TIMEOUT';

  constructor(describe: string, timeoutMs: number, lastError: unknown) {
    const detail = lastError === undefined ? '' : `; the last check failed with: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
    super(`Timed out after ${timeoutMs} ms waiting for ${describe}${detail}`, { cause: lastError });
    this.name = 'WaitForTimeoutError';
  }
}

function nextDelay(previousMs: number): number {
  return previousMs === 0 ? 1 : Math.min(previousMs * 2, MAX_POLL_INTERVAL_MS);
}

/**
 * Runs `check` until it returns something other than false, null or undefined, and returns that.
 * A check that throws counts as "not yet". With `on`, the check reruns on each event. Without it,
 * the check reruns on the next turn of the event loop, then with a backoff capped at
 * MAX_POLL_INTERVAL_MS. Throws WaitForTimeoutError naming `describe` after `timeoutMs`.
 */
export function waitFor<T>(check: () => T | Pending | Promise<T | Pending>, options: WaitForOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return new Promise<T>((resolve, reject) => {
    let done = false;
    let running = false;
    let rerunRequested = false;
    let lastError: unknown;
    let cancelPoll: (() => void) | undefined;
    let pollDelayMs = 0;

    const finish = (settle: () => void): void => {
      done = true;
      clearTimeout(deadline);
      cancelPoll?.();
      options.on?.emitter.removeListener(options.on.event, onEvent);
      settle();
    };

    const schedulePoll = (): void => {
      if (options.on !== undefined || done) {
        return;
      }
      if (pollDelayMs === 0) {
        const immediate = setImmediate(runCheck);
        cancelPoll = () => clearImmediate(immediate);
      } else {
        const timer = setTimeout(runCheck, pollDelayMs);
        cancelPoll = () => clearTimeout(timer);
      }
      pollDelayMs = nextDelay(pollDelayMs);
    };

    async function runCheck(): Promise<void> {
      if (done) {
        return;
      }
      // Events can arrive while an async check is still running; they trigger one more check.
      if (running) {
        rerunRequested = true;
        return;
      }
      running = true;
      try {
        const result = await check();
        if (result !== false && result !== null && result !== undefined) {
          finish(() => resolve(result as T));
          return;
        }
      } catch (error) {
        lastError = error;
      } finally {
        running = false;
      }
      if (rerunRequested) {
        rerunRequested = false;
        void runCheck();
      } else {
        schedulePoll();
      }
    }

    function onEvent(): void {
      void runCheck();
    }

    const deadline = setTimeout(() => {
      finish(() => reject(new WaitForTimeoutError(options.describe, timeoutMs, lastError)));
    }, timeoutMs);

    options.on?.emitter.on(options.on.event, onEvent);
    void runCheck();
  });
}
