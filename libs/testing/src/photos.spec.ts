import { describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { photoPath, photosDir } from './photos.js';

describe('photos', () => {
  it('defaults to the repository cache', () => {
    expect(photosDir({})).toMatch(/[/\\]\.cache[/\\]photos$/);
  });

  it('finds a photo in LOOKOUT_PHOTOS_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lookout-photos-'));
    try {
      await writeFile(join(dir, 'dog.jpg'), 'not really a JPEG');

      expect(photoPath('dog.jpg', { LOOKOUT_PHOTOS_DIR: dir })).toBe(join(dir, 'dog.jpg'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tells how to fetch a missing photo', () => {
    const env = { LOOKOUT_PHOTOS_DIR: join(tmpdir(), 'lookout-no-photos-here') };

    expect(() => photoPath('dog.jpg', env)).toThrow('run `npm run photos` (needs apt-get download darknet)');
  });
});
