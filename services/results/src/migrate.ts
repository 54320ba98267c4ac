import 'reflect-metadata';
import { ConfigError, createLogger, errorFields } from '@lookout/runtime';

import { loadResultsConfig } from './config/results-config.js';
import { createDataSource } from './database/data-source.js';

// Applies pending migrations to DATABASE_URL and exits with status 0, or 1 on any error.
// The local stack runs it before it starts the service.
const logger = createLogger('results-migrate');

try {
  const config = loadResultsConfig();
  const dataSource = createDataSource(config.DATABASE_URL);
  await dataSource.initialize();
  try {
    // One transaction for the whole batch, so a failed migration leaves the schema as it was.
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    logger.info({ applied: applied.map((migration) => migration.name) }, applied.length === 0 ? 'schema is up to date' : 'migrations applied');
  } finally {
    await dataSource.destroy();
  }
} catch (error) {
  if (error instanceof ConfigError) {
    logger.error({ problems: error.problems }, 'invalid configuration; no migration run');
  } else {
    logger.error(errorFields(error), 'migration failed');
  }
  process.exitCode = 1;
}
