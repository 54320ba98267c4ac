import { describe, expect, it } from '@jest/globals';

import { DEFAULT_RETRY_DELAY_POLICY, retryDelayMs } from './retry-delay.policy.js';

describe('retryDelayMs', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [6, 32_000],
  ])('delivery %i waits %i ms', (deliveryCount, expectedMs) => {
    expect(retryDelayMs(deliveryCount)).toBe(expectedMs);
  });

  it('caps the delay at maxDelayMs', () => {
    expect(retryDelayMs(7)).toBe(DEFAULT_RETRY_DELAY_POLICY.maxDelayMs);
    expect(retryDelayMs(1_000)).toBe(DEFAULT_RETRY_DELAY_POLICY.maxDelayMs);
  });

  it('applies a custom policy', () => {
    const policy = { initialDelayMs: 250, maxDelayMs: 600 };
    expect(retryDelayMs(1, policy)).toBe(250);
    expect(retryDelayMs(2, policy)).toBe(500);
    expect(retryDelayMs(3, policy)).toBe(600);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects delivery count %p', (deliveryCount) => {
    expect(() => retryDelayMs(deliveryCount)).toThrow(RangeError);
  });
});
