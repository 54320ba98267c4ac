import { describe, expect, it } from '@jest/globals';
import { InvalidUploadTokenError } from '../errors/direct-upload-errors.js';
import { UploadTokenCodec, type UploadClaims } from './upload-token.js';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const NOW = new Date('2026-01-10T12:00:00Z');
const CLAIMS: UploadClaims = {
  imageId: '0b7f1c52-93c4-4b8e-9f51-3a8f0c2d6e11',
  jobId: '5b1d0c8e-3c55-4d5e-9a64-1e2f3a4b5c6d',
  key: 'uploads/pending/0b7f1c52-93c4-4b8e-9f51-3a8f0c2d6e11',
  originalName: 'große Katze.jpg',
  expiresAt: NOW.getTime() / 1000 + 60,
};

function expectRejected(verify: () => unknown, reason: RegExp): void {
  expect(verify).toThrow(InvalidUploadTokenError);
  expect(verify).toThrow(reason);
}

describe('UploadTokenCodec', () => {
  it('round-trips the claims', () => {
    const codec = new UploadTokenCodec(SECRET);

    expect(codec.verify(codec.sign(CLAIMS), NOW)).toEqual(CLAIMS);
  });

  it('produces a token safe in a URL path', () => {
    expect(new UploadTokenCodec(SECRET).sign(CLAIMS)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('rejects an expired token', () => {
    const codec = new UploadTokenCodec(SECRET);
    const token = codec.sign(CLAIMS);

    expectRejected(() => codec.verify(token, new Date(CLAIMS.expiresAt * 1000)), /expired at 2026-01-10T12:01:00\.000Z/);
  });

  it('rejects altered claims', () => {
    const codec = new UploadTokenCodec(SECRET);
    const [, signature] = codec.sign(CLAIMS).split('.');
    const altered = Buffer.from(JSON.stringify({ ...CLAIMS, key: 'images/2026/01/10/other.jpg' })).toString('base64url');

    expectRejected(() => codec.verify(`${altered}.${signature}`, NOW), /signature does not match/);
  });

  it('rejects a token of another secret', () => {
    const token = new UploadTokenCodec('another-secret-of-at-least-32-characters').sign(CLAIMS);

    expectRejected(() => new UploadTokenCodec(SECRET).verify(token, NOW), /signature does not match/);
  });

  it('rejects tokens of another process without a configured secret', () => {
    const token = new UploadTokenCodec().sign(CLAIMS);

    expectRejected(() => new UploadTokenCodec().verify(token, NOW), /signature does not match/);
  });

  it.each(['', 'abc', 'a.b.c', '..'])('rejects malformed token %j', (token) => {
    expect(() => new UploadTokenCodec(SECRET).verify(token, NOW)).toThrow(InvalidUploadTokenError);
  });

  it('rejects signed claims of the wrong shape', () => {
    const codec = new UploadTokenCodec(SECRET);
    const token = codec.sign({ ...CLAIMS, imageId: 'not-a-uuid' });

    expectRejected(() => codec.verify(token, NOW), /content is malformed/);
  });
});
