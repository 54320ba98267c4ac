import { describe, expect, it } from '@jest/globals';

import { JetStreamContext, type JetStreamDelivery } from './jetstream.context.js';

function delivery(overrides: Partial<JetStreamDelivery> = {}): JetStreamDelivery {
  return {
    subject: 'images.uploaded.v1',
    stream: 'IMAGES',
    durable: 'detector',
    streamSequence: 42,
    deliveryCount: 1,
    maxDeliver: 5,
    extendAckDeadline: () => undefined,
    ...overrides,
  };
}

describe('JetStreamContext', () => {
  it('exposes the delivery fields', () => {
    const context = new JetStreamContext(delivery({ deliveryCount: 2 }));

    expect(context.subject).toBe('images.uploaded.v1');
    expect(context.stream).toBe('IMAGES');
    expect(context.durable).toBe('detector');
    expect(context.streamSequence).toBe(42);
    expect(context.deliveryCount).toBe(2);
    expect(context.headers).toBeUndefined();
  });

  it('keeps the delivery as its only Nest argument', () => {
    const fields = delivery();
    const context = new JetStreamContext(fields);

    expect(context.getArgs()).toEqual([fields]);
    expect(context.getArgByIndex(0)).toBe(fields);
  });

  it.each([
    [1, 5, false],
    [4, 5, false],
    [5, 5, true],
    [6, 5, true],
    [1, 1, true],
    [100, -1, false],
    [100, 0, false],
  ])('delivery %i of max %i is last: %p', (deliveryCount, maxDeliver, expected) => {
    expect(new JetStreamContext(delivery({ deliveryCount, maxDeliver })).isLastDelivery).toBe(expected);
  });

  it('forwards working() to the ack deadline callback', () => {
    let calls = 0;
    const context = new JetStreamContext(delivery({ extendAckDeadline: () => (calls += 1) }));

    context.working();
    context.working();

    expect(calls).toBe(2);
  });
});
