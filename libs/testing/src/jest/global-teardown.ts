import type { StoppableServer } from './provide-test-servers.js';

// Set by global-setup.ts; see the reason for a repeated key there.
const STARTED_SERVERS_KEY = Symbol.for('lookout.testing.startedServers');

type GlobalWithServers = typeof globalThis & { [STARTED_SERVERS_KEY]?: StoppableServer[] };

/** Stops the servers that global setup started; servers named by LOOKOUT_TEST_* are left alone. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as GlobalWithServers;
  const servers = holder[STARTED_SERVERS_KEY] ?? [];
  delete holder[STARTED_SERVERS_KEY];
  await Promise.all(servers.map((server) => server.stop()));
}
