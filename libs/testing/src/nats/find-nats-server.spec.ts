import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { findNatsServer, NATS_SERVER_NOT_FOUND_MESSAGE, NatsServerNotFoundError } from './find-nats-server.js';

describe('findNatsServer', () => {
  let dir: string;
  let executable: string;
  let plainFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lookout-find-nats-'));
    executable = join(dir, 'nats-server');
    await writeFile(executable, '#!/bin/sh\n');
    await chmod(executable, 0o755);
    plainFile = join(dir, 'not-executable');
    await writeFile(plainFile, '');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prefers NATS_SERVER_BIN', () => {
    expect(findNatsServer({ NATS_SERVER_BIN: executable, PATH: '/nonexistent' })).toBe(executable);
  });

  it('searches PATH', () => {
    expect(findNatsServer({ PATH: ['/nonexistent', dir].join(':') })).toBe(executable);
  });

  it('rejects a NATS_SERVER_BIN that cannot run', () => {
    const find = (): string => findNatsServer({ NATS_SERVER_BIN: plainFile });

    expect(find).toThrow(NatsServerNotFoundError);
    expect(find).toThrow(`NATS_SERVER_BIN=${plainFile} is not an executable file. ${NATS_SERVER_NOT_FOUND_MESSAGE}`);
  });

  it('words the install hint exactly', () => {
    expect(NATS_SERVER_NOT_FOUND_MESSAGE).toBe(
      'nats-server not found; install it with `sudo apt-get install nats-server` or set NATS_SERVER_BIN',
    );
  });
});
