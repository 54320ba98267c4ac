import { describe, expect, it } from '@jest/globals';

import { InvalidConsumerBindingError, resolveConsumerBinding, type ConsumerBinding } from './consumer-binding.js';

const binding: ConsumerBinding = { stream: 'IMAGES', durable: 'detector', filterSubject: 'images.uploaded.v1' };

describe('resolveConsumerBinding', () => {
  it('fills in the defaults', () => {
    expect(resolveConsumerBinding(binding)).toEqual({
      ...binding,
      ackWaitMs: 30_000,
      maxDeliver: 5,
      maxInFlight: 4,
      retryDelay: { initialDelayMs: 1_000, maxDelayMs: 60_000 },
    });
  });

  it('keeps given values and ignores undefined ones', () => {
    const resolved = resolveConsumerBinding({ ...binding, ackWaitMs: 5_000, maxDeliver: undefined, maxInFlight: 1 });

    expect(resolved.ackWaitMs).toBe(5_000);
    expect(resolved.maxDeliver).toBe(5);
    expect(resolved.maxInFlight).toBe(1);
  });

  it('keeps a custom retry delay policy', () => {
    const retryDelay = { initialDelayMs: 50, maxDelayMs: 200 };

    expect(resolveConsumerBinding({ ...binding, retryDelay }).retryDelay).toEqual(retryDelay);
  });

  it('accepts a wildcard filter', () => {
    expect(resolveConsumerBinding({ ...binding, filterSubject: 'detections.>' }).filterSubject).toBe('detections.>');
  });

  it.each<[string, Partial<ConsumerBinding>, RegExp]>([
    ['durable with a dot', { durable: 'a.b' }, /durable name/],
    ['empty durable', { durable: '' }, /durable name/],
    ['stream with a space', { stream: 'IMA GES' }, /stream name/],
    ['empty filter', { filterSubject: ' ' }, /filterSubject/],
    ['short ack wait', { ackWaitMs: 999 }, /ackWaitMs must be an integer of at least 1000, got 999/],
    ['zero max deliver', { maxDeliver: 0 }, /maxDeliver must be a positive integer, got 0/],
    ['fractional max in flight', { maxInFlight: 1.5 }, /maxInFlight must be a positive integer, got 1.5/],
    ['zero initial retry delay', { retryDelay: { initialDelayMs: 0, maxDelayMs: 100 } }, /retryDelay.initialDelayMs must be a positive integer, got 0/],
    ['retry cap below the initial delay', { retryDelay: { initialDelayMs: 500, maxDelayMs: 100 } }, /retryDelay.maxDelayMs must be an integer of at least initialDelayMs \(500\), got 100/],
  ])('rejects %s', (_case, change, message) => {
    const resolve = () => resolveConsumerBinding({ ...binding, ...change });

    expect(resolve).toThrow(InvalidConsumerBindingError);
    expect(resolve).toThrow(message);
  });
});
