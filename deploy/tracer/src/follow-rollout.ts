import type { ECSClient } from '@aws-sdk/client-ecs';

import { collectSnapshot, type ClusterSnapshot, type SnapshotRequest } from './cluster-snapshot.js';
import { overallStatus, type RolloutStatus } from './rollout-state.js';

export interface FollowOptions {
  intervalMs: number;
  timeoutMs: number;
  /** Waits between polls; tests pass one that resolves at once. */
  sleep: (ms: number) => Promise<void>;
  /** Current time in milliseconds, for the timeout. */
  now: () => number;
  /** Receives every snapshot, for printing. */
  onSnapshot: (snapshot: ClusterSnapshot, status: RolloutStatus) => void;
}

export type FollowResult = { status: 'completed' | 'failed'; snapshot: ClusterSnapshot } | { status: 'timed-out'; snapshot: ClusterSnapshot };

/** Polls the cluster until every selected service's rollout completes or one fails, or the timeout passes. */
export async function followRollout(client: ECSClient, request: SnapshotRequest, options: FollowOptions): Promise<FollowResult> {
  const deadline = options.now() + options.timeoutMs;
  for (;;) {
    const snapshot = await collectSnapshot(client, request);
    const status = overallStatus(snapshot.services);
    options.onSnapshot(snapshot, status);
    if (status !== 'in-progress') {
      return { status, snapshot };
    }
    if (options.now() + options.intervalMs > deadline) {
      return { status: 'timed-out', snapshot };
    }
    await options.sleep(options.intervalMs);
  }
}
