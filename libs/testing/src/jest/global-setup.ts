import { register } from 'tsx/cjs/api';

import type { StoppableServer } from './provide-test-servers.js';

// Jest runs global setup and teardown in one process, so globalThis carries the handles between
// them. global-teardown.ts uses the same key; a shared module cannot be required from here.
const STARTED_SERVERS_KEY = Symbol.for('lookout.testing.startedServers');

interface JestGlobalConfig {
  selectProjects?: string[];
}

/**
 * Starts throwaway NATS, PostgreSQL and S3 servers for the run, unless LOOKOUT_TEST_* variables
 * name existing ones, and exports their coordinates through process.env. Jest starts its workers
 * after global setup, so they inherit these variables. A run limited to the unit project starts
 * nothing.
 */
export default async function globalSetup(globalConfig?: JestGlobalConfig): Promise<void> {
  const selected = globalConfig?.selectProjects ?? [];
  if (selected.length > 0 && selected.every((name) => name === 'unit')) {
    return;
  }

  // Jest compiles this file to CommonJS and loads it with require(), outside the module mapper
  // that turns './x.js' into './x.ts' for tests. tsx's require hook does that mapping here.
  const unregister = register();
  let provideTestServers: typeof import('./provide-test-servers.js').provideTestServers;
  try {
    ({ provideTestServers } = await import('./provide-test-servers.js'));
  } finally {
    unregister();
  }

  const servers: StoppableServer[] = await provideTestServers(process.env);
  Object.assign(globalThis, { [STARTED_SERVERS_KEY]: servers });
}
