import { IngestError } from './ingest-error.js';

/** Storing an upload in the object store failed; nothing of the request stays stored. */
export class StorageUnavailableError extends IngestError {
  readonly code = 'storage_unavailable';

  constructor(options?: ErrorOptions) {
    super('The image store is unavailable; nothing was stored. Retry the upload later.', options);
  }
}

/** Publishing the upload events failed; the request's stored objects were deleted. */
export class QueueUnavailableError extends IngestError {
  readonly code = 'queue_unavailable';

  constructor(options?: ErrorOptions) {
    super('The job queue is unavailable; nothing was queued. Retry the upload later.', options);
  }
}
