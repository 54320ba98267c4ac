import { describe, expect, it } from '@jest/globals';

import { deferred } from './deferred.js';

describe('deferred', () => {
  it('resolves with the given value', async () => {
    const latch = deferred<number>();

    expect(latch.settled).toBe(false);
    latch.resolve(7);

    expect(latch.settled).toBe(true);
    await expect(latch.promise).resolves.toBe(7);
  });

  it('rejects with the given reason', async () => {
    const latch = deferred();
    const reason = new Error('handler failed');

    latch.reject(reason);

    expect(latch.settled).toBe(true);
    await expect(latch.promise).rejects.toBe(reason);
  });
});
