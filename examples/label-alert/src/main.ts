import { createStderrLogger, type Subscription } from '@lookout/subscriber';

import { loadLabelAlertConfig, readStackNatsUrl } from './label-alert-config.js';
import { startLabelAlert } from './label-alert.js';

const logger = createStderrLogger('info');

let subscription: Subscription;
try {
  const config = loadLabelAlertConfig(process.env, readStackNatsUrl());
  subscription = await startLabelAlert(config, { write: (line) => process.stdout.write(`${line}\n`), logger });
} catch (error) {
  logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'label alert failed to start');
  process.exit(1);
}

// stop() lets a running alert finish and acknowledges it before the connection closes.
const stop = (): void => {
  subscription.stop().catch((error: unknown) => {
    logger.error({ err: { message: (error as Error).message } }, 'label alert failed to stop cleanly');
    process.exitCode = 1;
  });
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
