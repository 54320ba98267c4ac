import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file so commands work from any directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const repoPath = (...segments: string[]) => resolve(REPO_ROOT, ...segments);
