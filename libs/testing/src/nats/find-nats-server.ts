import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const BINARY_NAME = 'nats-server';
// Debian's package installs the binary here, and /usr/sbin is missing from many users' PATH.
const DEBIAN_LOCATION = '/usr/sbin/nats-server';

export const NATS_SERVER_NOT_FOUND_MESSAGE =
  'nats-server not found; install it with `sudo apt-get install nats-server` or set NATS_SERVER_BIN';

export class NatsServerNotFoundError extends Error {
  readonly code = 'NATS_SERVER_NOT_FOUND';

  constructor(message: string = NATS_SERVER_NOT_FOUND_MESSAGE) {
    super(message);
    this.name = 'NatsServerNotFoundError';
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds the nats-server binary in NATS_SERVER_BIN, then PATH, then Debian's location. */
export function findNatsServer(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NATS_SERVER_BIN;
  if (configured !== undefined && configured !== '') {
    if (!isExecutable(configured)) {
      throw new NatsServerNotFoundError(`NATS_SERVER_BIN=${configured} is not an executable file. ${NATS_SERVER_NOT_FOUND_MESSAGE}`);
    }
    return configured;
  }

  const searchPath = (env.PATH ?? '').split(delimiter).filter((dir) => dir.length > 0);
  const candidates = [...searchPath.map((dir) => join(dir, BINARY_NAME)), DEBIAN_LOCATION];
  const found = candidates.find(isExecutable);
  if (found === undefined) {
    throw new NatsServerNotFoundError();
  }
  return found;
}
