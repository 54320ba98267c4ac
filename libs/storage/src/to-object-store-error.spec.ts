import { describe, expect, it } from '@jest/globals';
import { AccessDenied, NoSuchBucket, NoSuchKey, NotFound, S3ServiceException } from '@aws-sdk/client-s3';

import {
  BucketNotFoundError,
  ObjectNotFoundError,
  ObjectStoreRequestError,
  ObjectStoreUnavailableError,
} from './object-store.errors.js';
import { toObjectStoreError } from './to-object-store-error.js';

const getPhoto = { operation: 'GetObject', bucket: 'photos', key: 'a/dog.jpg' };

function serviceError(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });
}

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
}

describe('toObjectStoreError', () => {
  it('maps NoSuchKey to ObjectNotFoundError', () => {
    const error = toObjectStoreError(new NoSuchKey({ message: 'gone', $metadata: { httpStatusCode: 404 } }), getPhoto);

    expect(error).toBeInstanceOf(ObjectNotFoundError);
    expect(error.code).toBe('OBJECT_NOT_FOUND');
    expect(error.message).toBe('Object a/dog.jpg not found in bucket photos');
  });

  it('maps a HEAD 404 to ObjectNotFoundError', () => {
    const error = toObjectStoreError(new NotFound({ message: 'NotFound', $metadata: { httpStatusCode: 404 } }), {
      ...getPhoto,
      operation: 'HeadObject',
    });

    expect(error).toBeInstanceOf(ObjectNotFoundError);
  });

  it('maps NoSuchBucket to BucketNotFoundError', () => {
    const error = toObjectStoreError(new NoSuchBucket({ message: 'no bucket', $metadata: { httpStatusCode: 404 } }), getPhoto);

    expect(error).toBeInstanceOf(BucketNotFoundError);
    expect(error.code).toBe('BUCKET_NOT_FOUND');
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'])('maps %s to ObjectStoreUnavailableError', (code) => {
    const error = toObjectStoreError(systemError(code), getPhoto);

    expect(error).toBeInstanceOf(ObjectStoreUnavailableError);
    expect(error.code).toBe('OBJECT_STORE_UNAVAILABLE');
    expect(error.message).toBe(`Object store unavailable during GetObject on bucket photos: ${code}`);
  });

  it.each([
    ['ServiceUnavailable', 503],
    ['SlowDown', 503],
    ['InternalError', 500],
    ['TooManyRequests', 429],
  ])('maps %s (HTTP %d) to ObjectStoreUnavailableError', (name, status) => {
    expect(toObjectStoreError(serviceError(name, status), getPhoto)).toBeInstanceOf(ObjectStoreUnavailableError);
  });

  it('maps AccessDenied to ObjectStoreRequestError', () => {
    const error = toObjectStoreError(new AccessDenied({ message: 'denied', $metadata: { httpStatusCode: 403 } }), getPhoto);

    expect(error).toBeInstanceOf(ObjectStoreRequestError);
    expect(error.message).toBe('S3 GetObject on bucket photos failed with AccessDenied (HTTP 403)');
  });

  it('keeps the original error as cause', () => {
    const original = systemError('ECONNREFUSED');

    expect(toObjectStoreError(original, getPhoto).cause).toBe(original);
  });
});

describe('toObjectStoreError with wrapped socket errors', () => {
  it('finds the code in the message', () => {
    const wrapped = Object.assign(new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9'), {
      $metadata: { attempts: 1 },
    });

    const error = toObjectStoreError(wrapped, getPhoto);

    expect(error).toBeInstanceOf(ObjectStoreUnavailableError);
    expect(error.message).toBe('Object store unavailable during GetObject on bucket photos: ECONNREFUSED');
  });

  it('ignores other E-words in the message', () => {
    expect(toObjectStoreError(new Error('ENOENT: no such file'), getPhoto)).toBeInstanceOf(ObjectStoreRequestError);
  });
});
