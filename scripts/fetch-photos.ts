// Fetches the sample photos (dog.jpg, horses.jpg, person.jpg, ...) that ship in Debian's
// darknet package into <repo>/.cache/photos. Runs `apt-get download`, which needs no root and
// installs nothing. Does nothing when dog.jpg is already there.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PHOTOS_DIR = join(REPO_ROOT, '.cache', 'photos');
const MARKER_PHOTO = 'dog.jpg';
const PACKAGE = 'darknet';
const PHOTOS_IN_PACKAGE = join('usr', 'share', 'darknet', 'data');

/** A failure whose message names the fix, printed without a stack trace. */
class FetchPhotosError extends Error {}

function fail(message: string): never {
  throw new FetchPhotosError(message);
}

function run(command: string, args: string[], cwd: string): boolean {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  return result.error === undefined && result.status === 0;
}

function fetchPhotos(workDir: string): number {
  if (!run('apt-get', ['download', PACKAGE], workDir)) {
    fail(`Could not download the ${PACKAGE} package with apt-get; run \`sudo apt-get update && npm run photos\`.`);
  }

  const debs = readdirSync(workDir).filter((name) => name.startsWith(`${PACKAGE}_`) && name.endsWith('.deb'));
  if (debs.length !== 1 || debs[0] === undefined) {
    fail(`Expected one ${PACKAGE} .deb in ${workDir} after apt-get download, found ${debs.length}.`);
  }

  const extractDir = join(workDir, 'extracted');
  if (!run('dpkg', ['-x', debs[0], extractDir], workDir)) {
    fail(`dpkg -x failed on ${debs[0]}; is dpkg installed?`);
  }

  const sourceDir = join(extractDir, PHOTOS_IN_PACKAGE);
  const photos = existsSync(sourceDir) ? readdirSync(sourceDir).filter((name) => name.endsWith('.jpg')) : [];
  if (!photos.includes(MARKER_PHOTO)) {
    fail(`The ${PACKAGE} package has no ${PHOTOS_IN_PACKAGE}/${MARKER_PHOTO}; its layout may have changed.`);
  }

  // The marker photo is copied last, so an interrupted run is repeated rather than skipped.
  mkdirSync(PHOTOS_DIR, { recursive: true });
  const ordered = [...photos.filter((name) => name !== MARKER_PHOTO), MARKER_PHOTO];
  for (const name of ordered) {
    copyFileSync(join(sourceDir, name), join(PHOTOS_DIR, name));
  }
  return ordered.length;
}

if (existsSync(join(PHOTOS_DIR, MARKER_PHOTO))) {
  console.log(`Sample photos already present in ${PHOTOS_DIR}.`);
} else {
  const workDir = mkdtempSync(join(tmpdir(), 'lookout-photos-'));
  try {
    const count = fetchPhotos(workDir);
    console.log(`Copied ${count} sample photos to ${PHOTOS_DIR}.`);
  } catch (error) {
    if (!(error instanceof FetchPhotosError)) {
      throw error;
    }
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
