import type { Logger } from '@lookout/runtime';

/** Injection token of the service's root pino logger. */
export const LOGGER = Symbol('LOGGER');

export type { Logger };
