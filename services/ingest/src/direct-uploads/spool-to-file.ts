import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Raised when a stream carries more bytes than the spool allows. */
export class SpoolLimitExceededError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The stream is longer than ${maxBytes} bytes`);
    this.name = 'SpoolLimitExceededError';
  }
}

/**
 * Writes a stream to a new file chunk by chunk, so memory use stays at a few chunks whatever the
 * size, and stops with SpoolLimitExceededError after `maxBytes`. Returns the byte count.
 */
export async function spoolToFile(source: Readable, path: string, maxBytes: number): Promise<number> {
  let byteCount = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      byteCount += chunk.length;
      callback(byteCount > maxBytes ? new SpoolLimitExceededError(maxBytes) : null, chunk);
    },
  });
  await pipeline(source, limit, createWriteStream(path, { flags: 'wx' }));
  return byteCount;
}
