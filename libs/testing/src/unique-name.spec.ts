import { describe, expect, it } from '@jest/globals';

import { uniqueName } from './unique-name.js';

describe('uniqueName', () => {
  it('appends a random suffix', () => {
    const first = uniqueName('ingest', '_', 63);
    const second = uniqueName('ingest', '_', 63);

    expect(first).toMatch(/^ingest_[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
  });

  it('replaces characters outside the allowed set', () => {
    expect(uniqueName('Results API.v1', '-', 63)).toMatch(/^results-api-v1-[0-9a-f]{12}$/);
  });

  it('starts with a letter', () => {
    expect(uniqueName('2026 run', '_', 63)).toMatch(/^t_2026_run_[0-9a-f]{12}$/);
    expect(uniqueName('***', '_', 63)).toMatch(/^test_[0-9a-f]{12}$/);
  });

  it('respects the length limit', () => {
    const name = uniqueName('x'.repeat(100), '-', 63);

    expect(name).toHaveLength(63);
  });
});
