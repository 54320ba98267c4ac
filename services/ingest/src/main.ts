import 'reflect-metadata';
import { createLogger, errorFields, loadConfig, onShutdownSignal } from '@lookout/runtime';
import { createIngestApp } from './app.factory.js';
import { SERVICE_NAME } from './app.module.js';
import { ingestConfigSchema } from './config/ingest-config.js';

// The level is set from the validated LOG_LEVEL below, so an invalid value is reported like any other variable.
const logger = createLogger(SERVICE_NAME, 'info');

try {
  const config = loadConfig(ingestConfigSchema);
  logger.level = config.LOG_LEVEL;
  logger.info('starting');
  const app = await createIngestApp(config, logger);
  onShutdownSignal(logger, () => app.close());
  await app.listen(config.INGEST_PORT);
  logger.info({ port: config.INGEST_PORT }, 'listening');
} catch (error) {
  logger.fatal(errorFields(error), 'start-up failed');
  process.exit(1);
}
