import type { Logger as TypeOrmLogger } from 'typeorm';

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

/**
 * A TypeORM logger that records the SQL and parameters of the queries run during `record`, so that
 * a benchmark can EXPLAIN exactly what a repository sends. Everything else it drops.
 */
export class QueryCapture implements TypeOrmLogger {
  private recording: CapturedQuery[] | undefined;

  /** Runs `action` and returns the queries it sent, in order. */
  async record(action: () => Promise<unknown>): Promise<CapturedQuery[]> {
    const queries: CapturedQuery[] = [];
    this.recording = queries;
    try {
      await action();
    } finally {
      this.recording = undefined;
    }
    return queries;
  }

  logQuery(query: string, parameters?: unknown[] | object): void {
    // TypeORM's postgres driver passes positional parameters as an array.
    this.recording?.push({ sql: query, parameters: Array.isArray(parameters) ? parameters : [] });
  }

  logQueryError(): void {}

  logQuerySlow(): void {}

  logSchemaBuild(): void {}

  logMigration(): void {}

  log(): void {}
}
