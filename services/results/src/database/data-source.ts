import { DataSource, type DataSourceOptions } from 'typeorm';

import { DetectionEntity } from '../images/detection.entity.js';
import { ImageEntity } from '../images/image.entity.js';
import { MIGRATIONS } from './migrations/index.js';

export const ENTITIES = [ImageEntity, DetectionEntity];

/** Connection options shared by the service, the migration entry point and the tests. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    // The schema changes only through the migrations above.
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    logging: false,
    applicationName: 'lookout-results',
  };
}

/** Creates an uninitialised DataSource for DATABASE_URL. */
export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
