import { createHmac } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';

import { deliveryRetryDelayMs, MAX_RETRY_DELAY_MS } from './delivery-retry-delay.js';
import { createWebhookSecret, signWebhookBody } from './webhook-signature.js';

describe('createWebhookSecret', () => {
  it('creates 32 random bytes as base64url', () => {
    const secret = createWebhookSecret();

    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(createWebhookSecret()).not.toBe(secret);
  });
});

describe('signWebhookBody', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 of the secret text', () => {
    const expected = createHmac('sha256', 'secret-text').update('1765000000.{"id":"a"}').digest('hex');

    expect(signWebhookBody('secret-text', 1_765_000_000, '{"id":"a"}')).toBe(`v1=${expected}`);
  });

  it('changes with the timestamp', () => {
    expect(signWebhookBody('secret-text', 1, '{}')).not.toBe(signWebhookBody('secret-text', 2, '{}'));
  });
});

describe('deliveryRetryDelayMs', () => {
  it('doubles from the base delay', () => {
    expect([1, 2, 3, 4].map((attempt) => deliveryRetryDelayMs(attempt, 1_000))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('stops at one hour', () => {
    expect(deliveryRetryDelayMs(13, 1_000)).toBe(MAX_RETRY_DELAY_MS);
    expect(deliveryRetryDelayMs(10_000, 1_000)).toBe(MAX_RETRY_DELAY_MS);
  });
});
