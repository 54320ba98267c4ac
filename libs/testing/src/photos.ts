import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file is libs/testing/src/photos.ts, or libs/testing/dist/photos.js once built.
const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

/** Returns the directory with the sample photos: LOOKOUT_PHOTOS_DIR, or `<repo>/.cache/photos`. */
export function photosDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.LOOKOUT_PHOTOS_DIR;
  return configured !== undefined && configured !== '' ? resolve(configured) : join(REPO_ROOT, '.cache', 'photos');
}

/** Returns the path of a sample photo such as `dog.jpg`, throwing if it has not been fetched. */
export function photoPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = join(photosDir(env), name);
  if (!existsSync(path)) {
    throw new Error(`Sample photo ${path} not found: run \`npm run photos\` (needs apt-get download darknet).`);
  }
  return path;
}
