import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import pg from 'pg';

import { portIsFree } from '../port-is-free.js';
import { startPostgres } from './start-postgres.js';

// initdb plus start-up takes a few seconds, more on a busy machine.
const POSTGRES_TEST_TIMEOUT_MS = 60_000;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startPostgres', () => {
  it('starts a server with the requested database', async () => {
    const postgres = await startPostgres({ database: 'lookout_probe' });
    try {
      expect(postgres.url).toBe(`postgres://lookout:lookout@127.0.0.1:${postgres.port}/lookout_probe`);
      expect(existsSync(postgres.dataDir)).toBe(true);

      const rows = await query<{ one: number; database: string }>(postgres.url, 'select 1 as one, current_database() as database');

      expect(rows).toEqual([{ one: 1, database: 'lookout_probe' }]);
    } finally {
      await postgres.stop();
    }

    await expect(portIsFree(postgres.port)).resolves.toBe(true);
    expect(existsSync(postgres.dataDir)).toBe(false);
  }, POSTGRES_TEST_TIMEOUT_MS);

  it('rejects a port that is taken', async () => {
    const first = await startPostgres();
    try {
      const second = startPostgres({ port: first.port });

      await expect(second).rejects.toThrow(`PostgreSQL on port ${first.port} failed to start`);
      await expect(second).rejects.toThrow('Address already in use');
    } finally {
      await first.stop();
    }
  }, 2 * POSTGRES_TEST_TIMEOUT_MS);
});
