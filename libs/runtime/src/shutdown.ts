import type { Logger } from 'pino';

/**
 * Runs `close` once on SIGTERM or SIGINT, logs the stop and exits.
 * A second signal while closing forces the exit.
 */
export function onShutdownSignal(logger: Logger, close: () => Promise<void>): void {
  let closing = false;
  const handle = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'second signal while stopping; exiting now');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'stopping');
    close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
