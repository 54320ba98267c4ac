import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';

import type { Logger } from '@lookout/runtime';
import { waitFor } from '@lookout/testing';
import { pino } from 'pino';

export type LogLine = Record<string, unknown> & { level: string; msg: string };

/** A real pino logger whose JSON lines are kept in memory so tests can wait for them. */
export class LogCapture {
  readonly lines: LogLine[] = [];
  readonly logger: Logger;
  private readonly written = new EventEmitter();

  constructor() {
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        for (const text of chunk.toString('utf8').split('\n')) {
          if (text.trim() !== '') {
            this.lines.push(JSON.parse(text) as LogLine);
          }
        }
        this.written.emit('line');
        done();
      },
    });
    this.logger = pino({ level: 'debug', formatters: { level: (label) => ({ level: label }) } }, sink);
  }

  /** Lines whose message is `msg`. */
  withMessage(msg: string): LogLine[] {
    return this.lines.filter((line) => line.msg === msg);
  }

  /** Resolves with the first line whose message is `msg` and that matches `where`, once it is written. */
  waitForMessage(msg: string, where: (line: LogLine) => boolean = () => true, timeoutMs = 5_000): Promise<LogLine> {
    return waitFor(() => this.lines.find((line) => line.msg === msg && where(line)), {
      describe: `log line "${msg}"`,
      timeoutMs,
      on: { emitter: this.written, event: 'line' },
    });
  }
}
