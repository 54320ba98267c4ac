import { describe, expect, it } from '@jest/globals';

import { InFlightLimiter } from './in-flight.limiter.js';

describe('InFlightLimiter', () => {
  it('counts acquired slots', () => {
    const limiter = new InFlightLimiter(2);
    limiter.acquire();

    expect(limiter.count).toBe(1);
    expect(limiter.available).toBe(1);
  });

  it('rejects acquiring beyond the limit', () => {
    const limiter = new InFlightLimiter(1);
    limiter.acquire();

    expect(() => limiter.acquire()).toThrow(/no free slot: 1 of 1 in use/);
  });

  it('rejects a release without a slot', () => {
    expect(() => new InFlightLimiter(1).release()).toThrow(/no slot in use/);
  });

  it.each([0, -1, 1.5])('rejects limit %p', (limit) => {
    expect(() => new InFlightLimiter(limit)).toThrow(RangeError);
  });

  it('waitForSlot resolves at once with a free slot', async () => {
    await expect(new InFlightLimiter(1).waitForSlot()).resolves.toBeUndefined();
  });

  it('waitForSlot resolves on release when full', async () => {
    const limiter = new InFlightLimiter(1);
    limiter.acquire();
    let resolved = false;
    const waiting = limiter.waitForSlot().then(() => {
      resolved = true;
    });

    await Promise.resolve();
    expect(resolved).toBe(false);

    limiter.release();
    await waiting;
    expect(resolved).toBe(true);
  });

  it('waitForIdle resolves after the last release only', async () => {
    const limiter = new InFlightLimiter(3);
    limiter.acquire();
    limiter.acquire();
    let idle = false;
    const waiting = limiter.waitForIdle().then(() => {
      idle = true;
    });

    limiter.release();
    await Promise.resolve();
    expect(idle).toBe(false);

    limiter.release();
    await waiting;
    expect(idle).toBe(true);
  });
});
