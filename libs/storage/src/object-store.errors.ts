/** Base class for the errors an ObjectStore raises; `code` is stable for callers to switch on. */
export abstract class ObjectStoreError extends Error {
  abstract readonly code: string;
}

export class ObjectNotFoundError extends ObjectStoreError {
  readonly code = 'OBJECT_NOT_FOUND';

  constructor(
    readonly bucket: string,
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`Object ${key} not found in bucket ${bucket}`, options);
    this.name = 'ObjectNotFoundError';
  }
}

export class BucketNotFoundError extends ObjectStoreError {
  readonly code = 'BUCKET_NOT_FOUND';

  constructor(
    readonly bucket: string,
    options?: ErrorOptions,
  ) {
    super(`Bucket ${bucket} not found; create it with ObjectStore.ensureBucket()`, options);
    this.name = 'BucketNotFoundError';
  }
}

/** The storage server could not be reached or reported a temporary failure; retrying may succeed. */
export class ObjectStoreUnavailableError extends ObjectStoreError {
  readonly code = 'OBJECT_STORE_UNAVAILABLE';

  constructor(
    readonly operation: string,
    readonly bucket: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Object store unavailable during ${operation} on bucket ${bucket}: ${reason}`, options);
    this.name = 'ObjectStoreUnavailableError';
  }
}

/** The storage server rejected a request for a reason that retrying will not fix, such as access denied. */
export class ObjectStoreRequestError extends ObjectStoreError {
  readonly code = 'OBJECT_STORE_REQUEST_FAILED';

  constructor(
    readonly operation: string,
    readonly bucket: string,
    readonly s3ErrorName: string,
    readonly httpStatus: number | undefined,
    options?: ErrorOptions,
  ) {
    super(`S3 ${operation} on bucket ${bucket} failed with ${s3ErrorName} (HTTP ${httpStatus ?? 'status unknown'})`, options);
    this.name = 'ObjectStoreRequestError';
  }
}
