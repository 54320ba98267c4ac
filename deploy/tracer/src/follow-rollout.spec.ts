import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from '@jest/globals';

import { followRollout, type FollowOptions } from './follow-rollout.js';
import type { RolloutStatus } from './rollout-state.js';
import { CLUSTER, IMAGE_NOT_FOUND, failedWebService, rollingWebService, steadyWebService, stoppedWebTask } from './testing/recorded-responses.js';
import { ecsStub, mockCluster } from './testing/mock-cluster.js';

const INTERVAL_MS = 15_000;

/** Options whose clock advances by the interval on every sleep, without waiting. */
function instantOptions(statuses: RolloutStatus[], timeoutMs = 60 * 60_000): FollowOptions & { sleeps: number[] } {
  let clock = 0;
  const sleeps: number[] = [];
  return {
    intervalMs: INTERVAL_MS,
    timeoutMs,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    onSnapshot: (_snapshot, status) => statuses.push(status),
  };
}

describe('followRollout', () => {
  const ecs = ecsStub();
  const client = new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  afterEach(() => {
    ecs.reset();
  });

  it('polls until the rollout completes', async () => {
    mockCluster(ecs, { services: [steadyWebService()] });
    ecs
      .on(DescribeServicesCommand)
      .resolvesOnce({ services: [rollingWebService()] })
      .resolvesOnce({ services: [rollingWebService()] })
      .resolves({ services: [steadyWebService()] });
    const statuses: RolloutStatus[] = [];
    const options = instantOptions(statuses);

    const result = await followRollout(client, { cluster: CLUSTER, service: 'web' }, options);

    expect(result.status).toBe('completed');
    expect(statuses).toEqual(['in-progress', 'in-progress', 'completed']);
    expect(options.sleeps).toEqual([INTERVAL_MS, INTERVAL_MS]);
  });

  it('stops at a failed rollout with the stopped task reasons', async () => {
    const stopped = stoppedWebTask('1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c', IMAGE_NOT_FOUND, '2025-06-03T09:20:00Z');
    mockCluster(ecs, { services: [failedWebService()], stoppedTasks: [stopped] });
    const statuses: RolloutStatus[] = [];

    const result = await followRollout(client, { cluster: CLUSTER, service: 'web' }, instantOptions(statuses));

    expect(result.status).toBe('failed');
    expect(statuses).toEqual(['failed']);
    expect(result.snapshot.stoppedTasks[0]?.stoppedReason).toBe(IMAGE_NOT_FOUND);
  });

  it('gives up after the timeout', async () => {
    mockCluster(ecs, { services: [rollingWebService()] });
    const statuses: RolloutStatus[] = [];

    const result = await followRollout(client, { cluster: CLUSTER, service: 'web' }, instantOptions(statuses, 3 * INTERVAL_MS));

    expect(result.status).toBe('timed-out');
    expect(statuses).toEqual(['in-progress', 'in-progress', 'in-progress', 'in-progress']);
  });
});
