import { createTestDatabase } from '@lookout/testing';
import type { DataSource } from 'typeorm';

import { createDataSource } from '../src/database/data-source.js';

/** Creates a fresh test database, applies the real migrations and returns its URL and DataSource. */
export async function createMigratedDataSource(prefix: string): Promise<{ databaseUrl: string; dataSource: DataSource }> {
  const databaseUrl = await createTestDatabase(prefix);
  const dataSource = createDataSource(databaseUrl);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  return { databaseUrl, dataSource };
}
