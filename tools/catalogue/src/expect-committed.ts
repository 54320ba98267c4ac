import { existsSync, readFileSync } from 'node:fs';

import { repoRelative } from './generated-documents.js';

/** Raises, naming the command that fixes it, when a committed generated file differs from `generated`. */
export function expectCommitted(path: string, generated: string): void {
  const committed = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (committed !== generated) {
    throw new Error(`${repoRelative(path)} is out of date with the contracts: run \`npm run catalogue\` and commit it`);
  }
}
