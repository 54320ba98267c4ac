import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';

import { waitFor, WaitForTimeoutError } from './wait-for.js';

describe('waitFor', () => {
  it('returns the first truthy check result', async () => {
    let calls = 0;

    const result = await waitFor(() => (++calls >= 3 ? `done after ${calls}` : undefined), { describe: 'three calls' });

    expect(result).toBe('done after 3');
  });

  it('re-checks on each event', async () => {
    const emitter = new EventEmitter();
    const received: string[] = [];
    emitter.on('message', (text: string) => received.push(text));

    const waiting = waitFor(() => received.length === 2 && received, {
      describe: 'two messages',
      on: { emitter, event: 'message' },
    });
    emitter.emit('message', 'a');
    emitter.emit('message', 'b');

    await expect(waiting).resolves.toEqual(['a', 'b']);
    expect(emitter.listenerCount('message')).toBe(1);
  });

  it('awaits asynchronous checks', async () => {
    let calls = 0;

    const result = await waitFor(async () => ++calls === 2, { describe: 'second call' });

    expect(result).toBe(true);
  });

  it('times out naming what it waited for', async () => {
    const emitter = new EventEmitter();

    const waiting = waitFor(() => false, { describe: 'a message that never comes', timeoutMs: 20, on: { emitter, event: 'message' } });

    await expect(waiting).rejects.toThrow(WaitForTimeoutError);
    await expect(waiting).rejects.toThrow('Timed out after 20 ms waiting for a message that never comes');
    expect(emitter.listenerCount('message')).toBe(0);
  });

  it('reports the last check error on timeout', async () => {
    const waiting = waitFor(
      () => {
        throw new Error('connection refused');
      },
      { describe: 'the server', timeoutMs: 20 },
    );

    await expect(waiting).rejects.toThrow('the last check failed with: connection refused');
  });
});
