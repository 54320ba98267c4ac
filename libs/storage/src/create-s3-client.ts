import { S3Client } from '@aws-sdk/client-s3';

import type { S3Settings } from './s3-settings.js';

export interface S3ClientOptions {
  /** Attempts per request, including the first; the SDK backs off between them. */
  maxAttempts?: number;
  connectionTimeoutMs?: number;
  /** Maximum time a socket may stay idle while a request or response is in flight. */
  requestTimeoutMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function createS3Client(settings: S3Settings, options: S3ClientOptions = {}): S3Client {
  const hasKeyId = settings.accessKeyId !== undefined && settings.accessKeyId !== '';
  const hasSecret = settings.secretAccessKey !== undefined && settings.secretAccessKey !== '';
  if (hasKeyId !== hasSecret) {
    throw new Error('S3 settings must contain both accessKeyId and secretAccessKey, or neither to use the default credential chain');
  }

  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: hasKeyId ? { accessKeyId: settings.accessKeyId ?? '', secretAccessKey: settings.secretAccessKey ?? '' } : undefined,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    },
    // By default the SDK sends a streamed upload in aws-chunked encoding with a trailing CRC
    // checksum, and s3rver 3.7.1 stores that framing as part of the object. AWS needs checksums
    // only where an operation requires one, so the client adds and checks them only then.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
