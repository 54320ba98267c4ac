import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectNats } from '@lookout/messaging';
import { createLogger } from '@lookout/runtime';
import { waitFor } from '@lookout/testing';
import type { NatsConnection } from '@nats-io/transport-node';

import { DetectorHeartbeat } from '../../services/detector/src/heartbeat/detector-heartbeat.js';
import { startResultsTestApp, type ResultsTestApp } from '../../services/results/test/results-test-app.js';

const logger = createLogger('detector-heartbeat-overview-test', 'silent');
const MODEL = { id: 'nanodet-g-416', version: '2025.1' };

interface OverviewDetectors {
  detectors: Array<{ detectorId: string; executionProvider: string; model: { id: string; version: string }; lastSeenAt: string }>;
}

describe('detector heartbeats in the results overview', () => {
  let results: ResultsTestApp;
  let nc: NatsConnection;

  beforeAll(async () => {
    results = await startResultsTestApp('results_heartbeats');
    nc = await connectNats({ url: results.config.NATS_URL, name: 'detector-heartbeat-test', logger });
  });

  afterAll(async () => {
    await nc?.close();
    await results?.close();
  });

  async function listedDetectors(): Promise<OverviewDetectors['detectors']> {
    const response = await fetch(`${results.baseUrl}/v1/stats/overview`);
    return ((await response.json()) as OverviewDetectors).detectors;
  }

  it('lists a running detector and drops it when it stops', async () => {
    const heartbeat = new DetectorHeartbeat(nc, { detectorId: 'detector-gpu-1', executionProvider: 'cuda', model: MODEL, startedAt: new Date() }, logger);

    heartbeat.start();
    const running = await waitFor(async () => {
      const detectors = await listedDetectors();
      return detectors.length > 0 ? detectors : undefined;
    }, { describe: 'the detector in the overview' });
    await heartbeat.stop();
    const afterStop = await waitFor(async () => {
      const detectors = await listedDetectors();
      return detectors.length === 0 ? detectors : undefined;
    }, { describe: 'the stopped detector to leave the overview' });

    expect(running).toEqual([{ detectorId: 'detector-gpu-1', executionProvider: 'cuda', model: MODEL, lastSeenAt: expect.any(String) }]);
    expect(afterStop).toEqual([]);
  });
});
