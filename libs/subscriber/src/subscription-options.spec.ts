import { describe, expect, it } from '@jest/globals';

import { startPositionConfig } from './start-position.js';
import { InvalidSubscriptionOptionsError } from './subscriber.errors.js';
import { resolveLabels, resolveSubscriptionOptions, type SubscriptionOptions } from './subscription-options.js';

const valid: SubscriptionOptions<unknown> = { servers: 'nats://127.0.0.1:4222', durable: 'label-alert', handler: () => undefined };

describe('resolveSubscriptionOptions', () => {
  it('fills in the defaults', () => {
    const resolved = resolveSubscriptionOptions(valid);

    expect(resolved).toMatchObject({
      servers: ['nats://127.0.0.1:4222'],
      startAt: 'new',
      maxDeliver: 5,
      ackWaitMs: 30_000,
      maxInFlight: 1,
      retryDelay: { initialDelayMs: 1_000, maxDelayMs: 60_000 },
      name: 'label-alert',
      minScore: undefined,
    });
  });

  it.each([
    ['servers', { servers: [] }],
    ['durable', { durable: 'has.dot' }],
    ['durable', { durable: '' }],
    ['minScore', { minScore: 1.5 }],
    ['minScore', { minScore: Number.NaN }],
    ['startAt.sequence', { startAt: { sequence: 0 } }],
    ['startAt', { startAt: { time: new Date('not a date') } }],
    ['startAt', { startAt: 'latest' }],
    ['maxDeliver', { maxDeliver: 0 }],
    ['ackWaitMs', { ackWaitMs: 500 }],
    ['maxInFlight', { maxInFlight: 1.5 }],
    ['retryDelay.maxDelayMs', { retryDelay: { initialDelayMs: 100, maxDelayMs: 50 } }],
  ])('rejects an invalid %s', (option, override) => {
    const options = { ...valid, ...override } as SubscriptionOptions<unknown>;

    expect(() => resolveSubscriptionOptions(options)).toThrow(InvalidSubscriptionOptionsError);
    expect(() => resolveSubscriptionOptions(options)).toThrow(`Invalid subscription option ${option}:`);
  });
});

describe('resolveLabels', () => {
  it('returns undefined for every label', () => {
    expect(resolveLabels(undefined)).toBeUndefined();
  });

  it('rejects an empty list', () => {
    expect(() => resolveLabels([])).toThrow(/omit the option to receive every label/);
  });

  it('rejects a blank label', () => {
    expect(() => resolveLabels(['person', ' '])).toThrow(InvalidSubscriptionOptionsError);
  });
});

describe('startPositionConfig', () => {
  it('maps each start position to a deliver policy', () => {
    expect(startPositionConfig('new')).toEqual({ deliver_policy: 'new' });
    expect(startPositionConfig('all')).toEqual({ deliver_policy: 'all' });
    expect(startPositionConfig({ sequence: 42 })).toEqual({ deliver_policy: 'by_start_sequence', opt_start_seq: 42 });
    expect(startPositionConfig({ time: new Date('2026-12-04T10:00:00Z') })).toEqual({
      deliver_policy: 'by_start_time',
      opt_start_time: '2026-12-04T10:00:00.000Z',
    });
  });
});
