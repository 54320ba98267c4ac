/**
 * Base of the errors the ingest service reports to clients. `code` is the
 * stable value clients branch on, and `message` is for people.
 */
export abstract class IngestError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
