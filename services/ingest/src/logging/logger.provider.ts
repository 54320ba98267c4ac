import type { Provider } from '@nestjs/common';
import type { Logger } from '@lookout/runtime';

/** Injection token of the service's pino logger. */
export const LOGGER = Symbol('LOGGER');

export function loggerProvider(logger: Logger): Provider {
  return { provide: LOGGER, useValue: logger };
}
