import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestBucket, freePort, testServers } from '@lookout/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

import { ObjectStore } from './object-store.js';
import { BucketNotFoundError, ObjectNotFoundError, ObjectStoreUnavailableError } from './object-store.errors.js';
import type { S3Settings } from './s3-settings.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

function settingsFor(bucket: string): S3Settings {
  return { ...testServers().s3, bucket, forcePathStyle: true };
}

describe('ObjectStore', () => {
  let store: ObjectStore;

  beforeAll(async () => {
    store = new ObjectStore(await createTestBucket('storage'));
  });

  afterAll(() => {
    store.close();
  });

  it('round-trips binary content', async () => {
    const bytes = randomBytes(64 * 1024);

    await store.put('images/random.bin', bytes, 'application/octet-stream');

    expect((await store.get('images/random.bin')).equals(bytes)).toBe(true);
  });

  it('stores content type and metadata', async () => {
    await store.put('images/dog.jpg', Buffer.from('jpeg bytes'), 'image/jpeg', { 'image-id': 'abc123' });

    const info = await store.head('images/dog.jpg');

    expect(info.contentType).toBe('image/jpeg');
    expect(info.contentLength).toBe(10);
    expect(info.metadata).toEqual({ 'image-id': 'abc123' });
    expect(info.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(info.lastModified).toBeInstanceOf(Date);
  });

  it('streams an object', async () => {
    const bytes = randomBytes(300 * 1024);
    await store.put('images/stream.bin', bytes, 'application/octet-stream', { source: 'test' });

    const stream = await store.getStream('images/stream.bin');

    expect(stream.contentType).toBe('application/octet-stream');
    expect(stream.contentLength).toBe(bytes.length);
    expect(stream.metadata).toEqual({ source: 'test' });
    expect((await readAll(stream.body)).equals(bytes)).toBe(true);
  });

  it('reads a byte range', async () => {
    const bytes = randomBytes(1024);
    await store.put('images/range.bin', bytes, 'application/octet-stream');

    expect((await store.getRange('images/range.bin', 0, 99)).equals(bytes.subarray(0, 100))).toBe(true);
    expect((await store.getRange('images/range.bin', 1000, 4095)).equals(bytes.subarray(1000))).toBe(true);
  });

  it('copies an object with a new content type', async () => {
    const bytes = randomBytes(2048);
    await store.put('uploads/pending/copy source', bytes, 'application/octet-stream', { origin: 'client' });

    await store.copy('uploads/pending/copy source', 'images/copied.jpg', 'image/jpeg');

    const info = await store.head('images/copied.jpg');
    expect(info.contentType).toBe('image/jpeg');
    expect(info.metadata).toEqual({});
    expect((await store.get('images/copied.jpg')).equals(bytes)).toBe(true);
    await expect(store.exists('uploads/pending/copy source')).resolves.toBe(true);
  });

  it('accepts a PUT to a presigned URL', async () => {
    const bytes = randomBytes(4096);
    const url = await store.presignPut('uploads/pending/presigned', { contentType: 'image/png', contentLength: bytes.length, expiresInSeconds: 60 });

    const response = await fetch(url, { method: 'PUT', body: bytes, headers: { 'content-type': 'image/png' } });

    expect(response.status).toBe(200);
    // s3rver 3.7.1 does not verify V4 signatures, so only AWS enforces the signed size and type.
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect((await store.get('uploads/pending/presigned')).equals(bytes)).toBe(true);
    expect((await store.head('uploads/pending/presigned')).contentType).toBe('image/png');
  });

  it('presigns against the public endpoint', async () => {
    const publicStore = new ObjectStore({ ...settingsFor(store.bucket), publicEndpoint: 'http://localhost:9000' });
    try {
      const url = new URL(await publicStore.presignPut('uploads/pending/public', { contentType: 'image/png', contentLength: 1, expiresInSeconds: 900 }));

      expect(url.origin).toBe('http://localhost:9000');
      expect(url.pathname).toBe(`/${store.bucket}/uploads/pending/public`);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    } finally {
      publicStore.close();
    }
  });

  it('reports whether an object exists', async () => {
    await store.put('images/present.txt', Buffer.from('x'), 'text/plain');

    await expect(store.exists('images/present.txt')).resolves.toBe(true);
    await expect(store.exists('images/absent.txt')).resolves.toBe(false);
  });

  it('raises ObjectNotFoundError for a missing key', async () => {
    for (const read of [() => store.get('missing.jpg'), () => store.getStream('missing.jpg'), () => store.head('missing.jpg')]) {
      const failure = read();

      await expect(failure).rejects.toThrow(ObjectNotFoundError);
      await expect(failure).rejects.toMatchObject({ code: 'OBJECT_NOT_FOUND', key: 'missing.jpg', bucket: store.bucket });
    }
  });

  it('deletes an object', async () => {
    await store.put('images/doomed.txt', Buffer.from('x'), 'text/plain');

    await store.delete('images/doomed.txt');

    await expect(store.exists('images/doomed.txt')).resolves.toBe(false);
    await expect(store.delete('images/doomed.txt')).resolves.toBeUndefined();
  });
});

describe('ObjectStore.ensureBucket', () => {
  it('creates a missing bucket once', async () => {
    const store = new ObjectStore(settingsFor(`ensure-${randomUUID()}`));
    try {
      await expect(store.get('any.jpg')).rejects.toThrow(BucketNotFoundError);

      await store.ensureBucket();
      await store.ensureBucket();

      await store.put('any.jpg', Buffer.from('x'), 'image/jpeg');
      await expect(store.exists('any.jpg')).resolves.toBe(true);
    } finally {
      store.close();
    }
  });

  it('tolerates concurrent callers', async () => {
    const settings = settingsFor(`ensure-${randomUUID()}`);
    const stores = [new ObjectStore(settings), new ObjectStore(settings), new ObjectStore(settings)];
    try {
      await Promise.all(stores.map((store) => store.ensureBucket()));
    } finally {
      stores.forEach((store) => store.close());
    }
  });
});

describe('ObjectStore without a server', () => {
  it('raises ObjectStoreUnavailableError', async () => {
    // Nothing listens on a port that freePort() has just released.
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const store = new ObjectStore({ ...settingsFor('photos'), endpoint }, { maxAttempts: 1 });
    try {
      const failure = store.get('dog.jpg');

      await expect(failure).rejects.toThrow(ObjectStoreUnavailableError);
      await expect(failure).rejects.toMatchObject({ code: 'OBJECT_STORE_UNAVAILABLE', operation: 'GetObject' });
    } finally {
      store.close();
    }
  });
});
