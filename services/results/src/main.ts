import 'reflect-metadata';
import { ConfigError, createLogger, errorFields, onShutdownSignal } from '@lookout/runtime';

import { createResultsApp } from './app.factory.js';
import { loadResultsConfig } from './config/results-config.js';

const logger = createLogger('results');

try {
  const config = loadResultsConfig();
  logger.level = config.LOG_LEVEL;

  const app = await createResultsApp(config, logger);
  onShutdownSignal(logger, () => app.close());
  await app.startAllMicroservices();
  await app.listen(config.RESULTS_PORT);
  logger.info({ port: config.RESULTS_PORT }, 'results service started');
} catch (error) {
  if (error instanceof ConfigError) {
    // The problems name the invalid variables, never their values.
    logger.error({ problems: error.problems }, 'invalid configuration; results service not started');
  } else {
    logger.error(errorFields(error), 'results service failed to start');
  }
  process.exit(1);
}
