/** Structured logger the subscriber writes to. A pino logger fits as it is. */
export interface SubscriberLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export type LogLevel = (typeof LEVELS)[number];

/** Creates a logger that writes JSON lines to stderr for `minLevel` and above, and drops the rest. */
export function createStderrLogger(minLevel: LogLevel = 'warn'): SubscriberLogger {
  const enabled = (level: LogLevel) => LEVELS.indexOf(level) >= LEVELS.indexOf(minLevel);
  const writer = (level: LogLevel) => (fields: Record<string, unknown>, message: string) => {
    if (enabled(level)) {
      process.stderr.write(`${JSON.stringify({ level, time: new Date().toISOString(), ...fields, msg: message })}\n`);
    }
  };
  return { debug: writer('debug'), info: writer('info'), warn: writer('warn'), error: writer('error') };
}

/** Default logger: warnings and errors as JSON lines on stderr. */
export const stderrLogger: SubscriberLogger = createStderrLogger('warn');

/** Serialises an error for a log line. */
export function errorFields(error: unknown): { err: { name: string; message: string; code?: string } } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { err: { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined } };
  }
  return { err: { name: 'NonError', message: String(error) } };
}
