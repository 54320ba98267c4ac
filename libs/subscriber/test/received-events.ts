import { EventEmitter } from 'node:events';

import type { CloudEvent } from '@lookout/contracts';
import { waitFor } from '@lookout/testing';

import type { DeliveryInfo } from '../src/index.js';

export interface Received<T> {
  event: CloudEvent<T>;
  info: DeliveryInfo;
  /** Which subscriber instance handled it, for tests that run several. */
  instance: string;
}

/** Records what handlers receive and lets a test wait until a number of events has arrived. */
export class ReceivedEvents<T> {
  readonly all: Received<T>[] = [];
  private readonly arrivals = new EventEmitter();

  /** Returns a handler that records each delivery under `instance`, then runs `behaviour`. */
  handler(instance = 'default', behaviour: (event: CloudEvent<T>, info: DeliveryInfo) => Promise<void> | void = () => undefined) {
    return async (event: CloudEvent<T>, info: DeliveryInfo): Promise<void> => {
      this.all.push({ event, info, instance });
      this.arrivals.emit('event');
      await behaviour(event, info);
    };
  }

  ids(): string[] {
    return this.all.map(({ event }) => event.id);
  }

  /** Resolves once at least `count` deliveries have been recorded. */
  waitForCount(count: number, timeoutMs = 10_000): Promise<Received<T>[]> {
    return waitFor(() => (this.all.length >= count ? this.all : undefined), {
      describe: `${count} delivered events`,
      timeoutMs,
      on: { emitter: this.arrivals, event: 'event' },
    });
  }
}
