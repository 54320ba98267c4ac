import { CreateBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';

import { createS3Client } from './s3/create-s3-client.js';
import { testServers } from './test-servers-env.js';
import { uniqueName } from './unique-name.js';

const MAX_BUCKET_NAME_LENGTH = 63;

/** A bucket on the test S3 server, with the settings a client needs to reach it. */
export interface TestBucket {
  bucket: string;
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: true;
}

/**
 * Creates a new bucket with a unique name on the test S3 server. Its CORS rule lets a browser PUT
 * to presigned URLs, as the dashboard does for large files, like the buckets `npm start` creates.
 */
export async function createTestBucket(prefix = 'test'): Promise<TestBucket> {
  const server = testServers().s3;
  const bucket = uniqueName(prefix, '-', MAX_BUCKET_NAME_LENGTH);

  const client = createS3Client(server);
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    await client.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: {
          CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['PUT', 'GET', 'HEAD'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'] }],
        },
      }),
    );
  } finally {
    client.destroy();
  }
  return { bucket, ...server, forcePathStyle: true };
}

/** Returns the S3_* environment variables that point a service at a test bucket. */
export function s3EnvFor(bucket: TestBucket): NodeJS.ProcessEnv {
  return {
    S3_BUCKET: bucket.bucket,
    S3_REGION: bucket.region,
    S3_ENDPOINT: bucket.endpoint,
    S3_ACCESS_KEY_ID: bucket.accessKeyId,
    S3_SECRET_ACCESS_KEY: bucket.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}
