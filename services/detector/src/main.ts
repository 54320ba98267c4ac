import 'reflect-metadata';
import { createLogger, errorFields, onShutdownSignal } from '@lookout/runtime';
import { loadDetectorConfig } from './config/detector-config.js';
import { startDetectorApp } from './detector-app.js';
import { ModelService } from './model/model.service.js';

// The level is set from LOG_LEVEL once the configuration is validated.
const logger = createLogger('detector', 'info');

try {
  const config = loadDetectorConfig();
  logger.level = config.logLevel;
  logger.info(
    {
      detectorId: config.detectorId,
      device: config.device,
      modelDir: config.modelDir,
      intraOpThreads: config.intraOpThreads,
      intraOpThreadsSource: config.intraOpThreadsSource,
      maxDeliver: config.delivery.maxDeliver,
      retryDelay: config.delivery.retryDelay,
    },
    'detector starting',
  );
  const app = await startDetectorApp(config, logger);
  // Nest's close() stops the JetStream consumer and waits for the jobs in flight before its
  // shutdown hooks drain the publisher's NATS connection and release the ONNX session.
  onShutdownSignal(logger, () => app.close());
  if (app.get(ModelService).getStatus().state === 'ready') {
    logger.info({ detectorId: config.detectorId }, 'detector started');
  } else {
    logger.warn({ detectorId: config.detectorId }, 'detector started without consuming jobs; see /health for the reason');
  }
} catch (error) {
  logger.fatal(errorFields(error), 'detector failed to start');
  process.exit(1);
}
