import {
  type BucketLocationConstraint,
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';

import { createS3Client, type S3ClientOptions } from './create-s3-client.js';
import { ObjectNotFoundError, ObjectStoreError } from './object-store.errors.js';
import type { S3Settings } from './s3-settings.js';
import { type S3Operation, toObjectStoreError } from './to-object-store-error.js';

// Buckets in us-east-1 are created without a location constraint; S3 rejects one naming it.
const DEFAULT_REGION = 'us-east-1';
const HTTP_NOT_FOUND = 404;

/** User metadata; S3 stores keys in lowercase and values as US-ASCII. */
export type ObjectMetadata = Record<string, string>;

export interface ObjectInfo {
  key: string;
  contentType: string | undefined;
  contentLength: number | undefined;
  etag: string | undefined;
  lastModified: Date | undefined;
  metadata: ObjectMetadata;
}

export interface PresignPutOptions {
  /** Content type the client must send; it is part of the signature. */
  contentType: string;
  /** Exact body size the client must send; it is part of the signature. */
  contentLength: number;
  expiresInSeconds: number;
}

export interface ObjectStream {
  /** The object's bytes; consume or destroy it, or its connection stays open. */
  body: Readable;
  contentType: string | undefined;
  contentLength: number | undefined;
  /** Entity tag of the version being read; `copy` can require it. */
  etag: string | undefined;
  metadata: ObjectMetadata;
}

/**
 * Stores objects in one S3 bucket. Every method raises ObjectStoreError subclasses:
 * ObjectNotFoundError for a missing key, BucketNotFoundError for a missing bucket,
 * ObjectStoreUnavailableError when the server cannot be reached or fails temporarily (after
 * the SDK's own retries), and ObjectStoreRequestError for any other rejection.
 */
export class ObjectStore {
  readonly bucket: string;
  private readonly client: S3Client;
  /** Signs URLs for the public endpoint; it never sends a request. */
  private readonly presignClient: S3Client;
  private readonly region: string;

  constructor(settings: S3Settings, options: S3ClientOptions = {}) {
    this.bucket = settings.bucket;
    this.region = settings.region;
    this.client = createS3Client(settings, options);
    const publicEndpoint = settings.publicEndpoint ?? settings.endpoint;
    this.presignClient = publicEndpoint === settings.endpoint ? this.client : createS3Client({ ...settings, endpoint: publicEndpoint }, options);
  }

  /** Creates the bucket unless it exists. Safe to call from several processes at once. */
  async ensureBucket(): Promise<void> {
    const target = { operation: 'HeadBucket', bucket: this.bucket };
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (error) {
      if (httpStatusOf(error) !== HTTP_NOT_FOUND) {
        throw toObjectStoreError(error, target);
      }
    }

    const location = this.region === DEFAULT_REGION ? undefined : { LocationConstraint: this.region as BucketLocationConstraint };
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket, CreateBucketConfiguration: location }));
    } catch (error) {
      // Another caller may have created the bucket since the HEAD request. AWS then returns
      // BucketAlreadyOwnedByYou, but s3rver returns BucketAlreadyExists, which on AWS means that
      // another account owns the name. A second HEAD distinguishes the two.
      const name = nameOf(error);
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') {
        throw toObjectStoreError(error, { operation: 'CreateBucket', bucket: this.bucket });
      }
      if (name === 'BucketAlreadyExists') {
        await this.run(target, () => this.client.send(new HeadBucketCommand({ Bucket: this.bucket })));
      }
    }
  }

  async put(key: string, body: Buffer, contentType: string, metadata: ObjectMetadata = {}): Promise<void> {
    await this.run({ operation: 'PutObject', bucket: this.bucket, key }, () =>
      this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, Metadata: metadata })),
    );
  }

  async get(key: string): Promise<Buffer> {
    const target = { operation: 'GetObject', bucket: this.bucket, key };
    // Reading the body happens inside run(), so a connection lost mid-download is mapped too.
    return this.run(target, async () => {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (response.Body === undefined) {
        throw new ObjectNotFoundError(this.bucket, key);
      }
      return Buffer.from(await response.Body.transformToByteArray());
    });
  }

  /** Opens the object for streaming, for example to an HTTP response. */
  async getStream(key: string): Promise<ObjectStream> {
    const target = { operation: 'GetObject', bucket: this.bucket, key };
    const response = await this.run(target, () => this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key })));
    if (!(response.Body instanceof Readable)) {
      throw new Error(`GetObject for ${key} returned no Node.js stream; ObjectStore supports the Node.js runtime only`);
    }
    return {
      body: response.Body,
      contentType: response.ContentType,
      contentLength: response.ContentLength,
      etag: response.ETag,
      metadata: response.Metadata ?? {},
    };
  }

  /** Reads the bytes from `start` to `end`, both inclusive; a range past the end returns what exists. */
  async getRange(key: string, start: number, end: number): Promise<Buffer> {
    const target = { operation: 'GetObject', bucket: this.bucket, key };
    return this.run(target, async () => {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${start}-${end}` }));
      if (response.Body === undefined) {
        throw new ObjectNotFoundError(this.bucket, key);
      }
      return Buffer.from(await response.Body.transformToByteArray());
    });
  }

  /**
   * Copies an object inside the bucket on the server, so no byte passes through this process.
   * The copy gets `contentType` and no user metadata. A single CopyObject handles up to 5 GiB.
   * With `ifMatch`, S3 copies only while the source still has that entity tag and otherwise
   * returns 412 PreconditionFailed, raised as ObjectStoreRequestError. s3rver 3.7.1 ignores the condition.
   */
  async copy(sourceKey: string, targetKey: string, contentType: string, options: { ifMatch?: string } = {}): Promise<void> {
    const copySource = `${this.bucket}/${sourceKey.split('/').map(encodeURIComponent).join('/')}`;
    await this.run({ operation: 'CopyObject', bucket: this.bucket, key: sourceKey }, () =>
      this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: targetKey,
          CopySource: copySource,
          CopySourceIfMatch: options.ifMatch,
          ContentType: contentType,
          MetadataDirective: 'REPLACE',
        }),
      ),
    );
  }

  /**
   * Returns a URL that lets a client without credentials PUT one object under `key`. Signing
   * happens locally and sends no request. The URL carries this process's credentials, so it stops
   * working when they expire even before `expiresInSeconds` (temporary role credentials).
   */
  async presignPut(key: string, options: PresignPutOptions): Promise<string> {
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType, ContentLength: options.contentLength });
    return getSignedUrl(this.presignClient, command, {
      expiresIn: options.expiresInSeconds,
      // Signed headers cannot be changed by the client, so S3 rejects another type or size.
      signableHeaders: new Set(['content-type', 'content-length']),
    });
  }

  async head(key: string): Promise<ObjectInfo> {
    const target = { operation: 'HeadObject', bucket: this.bucket, key };
    const response = await this.run(target, () => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })));
    return {
      key,
      contentType: response.ContentType,
      contentLength: response.ContentLength,
      etag: response.ETag,
      lastModified: response.LastModified,
      metadata: response.Metadata ?? {},
    };
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.head(key);
      return true;
    } catch (error) {
      if (error instanceof ObjectNotFoundError) {
        return false;
      }
      throw error;
    }
  }

  /** Deletes the object. Deleting a key that does not exist succeeds, as in S3. */
  async delete(key: string): Promise<void> {
    await this.run({ operation: 'DeleteObject', bucket: this.bucket, key }, () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })),
    );
  }

  /** Closes the client's idle connections. */
  close(): void {
    this.client.destroy();
    if (this.presignClient !== this.client) {
      this.presignClient.destroy();
    }
  }

  private async run<T>(target: S3Operation, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw error instanceof ObjectStoreError ? error : toObjectStoreError(error, target);
    }
  }
}

function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

function nameOf(error: unknown): string | undefined {
  return (error as { name?: string } | undefined)?.name;
}
