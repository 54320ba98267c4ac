import {
  BucketNotFoundError,
  ObjectNotFoundError,
  type ObjectStoreError,
  ObjectStoreRequestError,
  ObjectStoreUnavailableError,
} from './object-store.errors.js';

/** Node socket and DNS error codes that mean the server could not be reached for now. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** S3 error names that report a temporary condition on the server side. */
const TRANSIENT_S3_ERRORS = new Set(['TimeoutError', 'RequestTimeout', 'SlowDown', 'ServiceUnavailable', 'InternalError', 'Throttling', 'ThrottlingException']);

const HTTP_TOO_MANY_REQUESTS = 429;
const HTTP_NOT_FOUND = 404;
const HTTP_SERVER_ERROR_MIN = 500;

/** The fields that SDK v3 errors and Node system errors carry, all optional. */
interface SdkErrorFields {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export interface S3Operation {
  /** S3 operation name, such as GetObject. */
  operation: string;
  bucket: string;
  /** The object key, for operations on one object. */
  key?: string;
}

/**
 * Returns the network error code of `fields`. The SDK's retry middleware replaces an error that
 * fails its `instanceof Error` check with a new Error whose message only names the original, and
 * that happens when the socket error comes from another realm, as under jest's VM modules.
 */
function networkErrorCode(fields: SdkErrorFields): string | undefined {
  if (fields.code !== undefined && NETWORK_ERROR_CODES.has(fields.code)) {
    return fields.code;
  }
  const words = (fields.message ?? '').match(/\bE[A-Z_]+\b/g) ?? [];
  return words.find((word) => NETWORK_ERROR_CODES.has(word));
}

function isTransient(fields: SdkErrorFields, status: number | undefined): boolean {
  if (networkErrorCode(fields) !== undefined) {
    return true;
  }
  if (fields.name !== undefined && TRANSIENT_S3_ERRORS.has(fields.name)) {
    return true;
  }
  return status !== undefined && (status === HTTP_TOO_MANY_REQUESTS || status >= HTTP_SERVER_ERROR_MIN);
}

/**
 * Maps an error thrown by the S3 client to an ObjectStoreError. A 404 on an object operation is
 * ObjectNotFoundError, except NoSuchBucket. HEAD responses have no body, so a HeadObject on a
 * missing bucket also reads as a missing object.
 */
export function toObjectStoreError(error: unknown, target: S3Operation): ObjectStoreError {
  const fields: SdkErrorFields = typeof error === 'object' && error !== null ? (error as SdkErrorFields) : {};
  const status = fields.$metadata?.httpStatusCode;
  const name = fields.name ?? 'UnknownError';

  if (name === 'NoSuchBucket') {
    return new BucketNotFoundError(target.bucket, { cause: error });
  }
  if (target.key !== undefined && (name === 'NoSuchKey' || name === 'NotFound' || status === HTTP_NOT_FOUND)) {
    return new ObjectNotFoundError(target.bucket, target.key, { cause: error });
  }
  if (isTransient(fields, status)) {
    const reason = networkErrorCode(fields) ?? (status !== undefined ? `${name} (HTTP ${status})` : name);
    return new ObjectStoreUnavailableError(target.operation, target.bucket, reason, { cause: error });
  }
  return new ObjectStoreRequestError(target.operation, target.bucket, name, status, { cause: error });
}
