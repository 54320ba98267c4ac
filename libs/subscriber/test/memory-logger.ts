import { EventEmitter } from 'node:events';

import { waitFor } from '@lookout/testing';

import type { SubscriberLogger } from '../src/index.js';

export interface LoggedLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** A SubscriberLogger that keeps its lines in memory, so tests can wait for one. */
export class MemoryLogger implements SubscriberLogger {
  readonly lines: LoggedLine[] = [];
  private readonly written = new EventEmitter();

  debug(fields: Record<string, unknown>, message: string): void {
    this.push('debug', fields, message);
  }

  info(fields: Record<string, unknown>, message: string): void {
    this.push('info', fields, message);
  }

  warn(fields: Record<string, unknown>, message: string): void {
    this.push('warn', fields, message);
  }

  error(fields: Record<string, unknown>, message: string): void {
    this.push('error', fields, message);
  }

  withMessage(message: string): LoggedLine[] {
    return this.lines.filter((line) => line.message === message);
  }

  /** Resolves with the first line whose message is `message`, once it is written. */
  waitForMessage(message: string, timeoutMs = 10_000): Promise<LoggedLine> {
    return waitFor(() => this.lines.find((line) => line.message === message), {
      describe: `log line "${message}"`,
      timeoutMs,
      on: { emitter: this.written, event: 'line' },
    });
  }

  private push(level: LoggedLine['level'], fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level, fields, message });
    this.written.emit('line');
  }
}
