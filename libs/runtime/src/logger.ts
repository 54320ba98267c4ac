import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Creates the JSON logger of one service. Every line carries the service name. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Adapts a pino logger to NestJS so framework messages are JSON lines too. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

/** Serialises an error for a log line without its cause chain's payloads. */
export function errorFields(error: unknown): { err: { name: string; message: string; code?: string; stack?: string } } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { err: { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined, stack: error.stack } };
  }
  return { err: { name: 'NonError', message: String(error) } };
}
