import { DeliverPolicy, type ConsumerConfig } from '@nats-io/jetstream';

/**
 * Start position of a new durable: `'new'` for events published after it is created, `'all'` for
 * every event still in the stream, a stream sequence, or the first event stored at or after a time.
 * An existing durable ignores it and resumes after the last event it acknowledged.
 */
export type StartAt = 'new' | 'all' | { sequence: number } | { time: Date };

/** Returns the deliver policy fields of a consumer configuration for a start position. */
export function startPositionConfig(startAt: StartAt): Pick<ConsumerConfig, 'deliver_policy' | 'opt_start_seq' | 'opt_start_time'> {
  if (startAt === 'new') {
    return { deliver_policy: DeliverPolicy.New };
  }
  if (startAt === 'all') {
    return { deliver_policy: DeliverPolicy.All };
  }
  if ('sequence' in startAt) {
    return { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: startAt.sequence };
  }
  return { deliver_policy: DeliverPolicy.StartTime, opt_start_time: startAt.time.toISOString() };
}
