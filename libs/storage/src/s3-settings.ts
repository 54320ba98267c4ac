/** Location and credentials of the S3 bucket that an ObjectStore works on. */
export interface S3Settings {
  /** Endpoint of an S3-compatible server such as MinIO or s3rver; AWS's own endpoint when omitted. */
  endpoint?: string;
  /**
   * Endpoint written into presigned URLs, for clients that reach the server under another address
   * than this process does; `endpoint` when omitted.
   */
  publicEndpoint?: string;
  region: string;
  bucket: string;
  /** Static credentials; when both are omitted the SDK's default provider chain is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Address buckets as `<endpoint>/<bucket>` rather than by subdomain, as s3rver requires. */
  forcePathStyle: boolean;
}
