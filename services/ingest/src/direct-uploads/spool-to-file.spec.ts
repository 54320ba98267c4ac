import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SpoolLimitExceededError, spoolToFile } from './spool-to-file.js';

function chunks(count: number, size: number): Readable {
  return Readable.from(Array.from({ length: count }, (_, index) => Buffer.alloc(size, index)));
}

describe('spoolToFile', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'spool-spec-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('writes every chunk and counts the bytes', async () => {
    const path = join(directory, 'object');

    const byteCount = await spoolToFile(chunks(4, 1000), path, 4000);

    expect(byteCount).toBe(4000);
    const written = await readFile(path);
    expect(written.length).toBe(4000);
    expect(written[3999]).toBe(3);
  });

  it('stops after the limit', async () => {
    const spool = spoolToFile(chunks(5, 1000), join(directory, 'object'), 4999);

    await expect(spool).rejects.toThrow(SpoolLimitExceededError);
  });

  it('refuses to overwrite a file', async () => {
    const path = join(directory, 'object');
    await spoolToFile(chunks(1, 10), path, 10);

    await expect(spoolToFile(chunks(1, 10), path, 10)).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
