import { S3Client } from '@aws-sdk/client-s3';

import type { TestS3Server } from '../test-servers-env.js';

/**
 * Creates an S3 client for s3rver. s3rver serves path-style URLs only. It also stores the
 * aws-chunked framing of a streamed upload as object content, so checksums, which bring that
 * encoding, are sent only when an operation requires one.
 */
export function createS3Client(server: TestS3Server): S3Client {
  return new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
