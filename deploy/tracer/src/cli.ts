// Shows what ECS is doing with a Lookout deployment: services, rollouts, events, stopped tasks
// and container instances, with the usual causes of the classic failures.
//   npx tsx deploy/tracer/src/cli.ts --cluster lookout [--service detector] [--follow] [--region eu-west-1]
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import { ECSClient } from '@aws-sdk/client-ecs';

import { collectSnapshot } from './cluster-snapshot.js';
import { followRollout } from './follow-rollout.js';
import { renderReport } from './render-report.js';
import { overallStatus } from './rollout-state.js';

const USAGE = `Usage: npx tsx deploy/tracer/src/cli.ts --cluster NAME [options]

  --cluster NAME      ECS cluster (terraform output cluster_name)
  --service NAME      only this service (default: every service in the cluster)
  --follow            poll until the rollout completes or fails; exit 0, 1 (failed) or 2 (timed out)
  --region REGION     AWS Region (default: AWS_REGION or the profile's Region)
  --interval SECONDS  seconds between polls with --follow (default 15)
  --timeout MINUTES   give up following after this many minutes (default 30)
  --events COUNT      recent service events to show per service (default 5)
`;

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) {
    return fallback;
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new Error(`--${name} must be a positive number, got ${value}`);
  }
  return parsed;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cluster: { type: 'string' },
      service: { type: 'string' },
      follow: { type: 'boolean', default: false },
      region: { type: 'string' },
      interval: { type: 'string' },
      timeout: { type: 'string' },
      events: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.cluster) {
    process.stderr.write(`--cluster is required\n\n${USAGE}`);
    return 64;
  }

  const reportOptions = { eventCount: positiveNumber(values.events, 5, 'events') };
  const intervalMs = positiveNumber(values.interval, 15, 'interval') * 1000;
  const timeoutMs = positiveNumber(values.timeout, 30, 'timeout') * 60_000;
  const client = new ECSClient(values.region ? { region: values.region } : {});
  const request = { cluster: values.cluster, service: values.service };

  if (!values.follow) {
    const snapshot = await collectSnapshot(client, request);
    process.stdout.write(`${renderReport(snapshot, reportOptions)}\n`);
    return overallStatus(snapshot.services) === 'failed' ? 1 : 0;
  }

  const result = await followRollout(client, request, {
    intervalMs,
    timeoutMs,
    sleep: (ms) => delay(ms),
    now: () => Date.now(),
    onSnapshot: (snapshot, status) => process.stdout.write(`\n[${new Date().toISOString()}] rollout ${status}\n${renderReport(snapshot, reportOptions)}\n`),
  });
  process.stdout.write(`rollout ${result.status}\n`);
  if (result.status === 'completed') {
    return 0;
  }
  return result.status === 'failed' ? 1 : 2;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
