import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

import { SUBJECTS } from './subjects.js';

const schemasDir = new URL('../schemas/', import.meta.url);

describe('schema snapshots', () => {
  it.each(Object.values(SUBJECTS))('exist for %s', (subject) => {
    const file = new URL(`${subject}.json`, schemasDir);

    // A new subject gets its snapshot from `npm run catalogue -- --snapshot`.
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ type: 'object' });
  });
});
