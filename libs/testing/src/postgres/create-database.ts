import pg from 'pg';

import { withDatabase } from './postgres-url.js';

/** Creates `database` on the server that `serverUrl` points at, connecting to its `postgres` database. */
export async function createDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
}
