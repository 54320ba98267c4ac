import 'reflect-metadata';
import { createLogger, errorFields, onShutdownSignal } from '@lookout/runtime';
import { loadDetectorConfig } from './config/detector-config.js';
import { startDetectorApp } from './detector-app.js';

// The level is set from LOG_LEVEL once the configuration is validated.
const logger = createLogger('detector', 'info');

try {
  const config = loadDetectorConfig();
  logger.level = config.logLevel;
  logger.info({ detectorId: config.detectorId, device: config.device, modelDir: config.modelDir }, 'detector starting');
  const app = await startDetectorApp(config, logger);
  // Nest's close() stops the JetStream consumer and waits for the jobs in flight before its
  // shutdown hooks drain the publisher's NATS connection and release the ONNX session.
  onShutdownSignal(logger, () => app.close());
  logger.info({ detectorId: config.detectorId }, 'detector started');
} catch (error) {
  logger.fatal(errorFields(error), 'detector failed to start');
  process.exit(1);
}
