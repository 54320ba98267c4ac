import { describe, expect, it } from '@jest/globals';

import { compareModelVersions } from './model-version.js';

describe('compareModelVersions', () => {
  it.each([
    ['1.10.0', '1.9.0'],
    ['2.0.0', '1.99.99'],
    ['1.0.1', '1.0.0'],
    ['1.0.0', '1.0.0-rc.1'],
    ['1.0.0-rc.2', '1.0.0-rc.1'],
    ['1.0.0-rc.10', '1.0.0-rc.9'],
    ['1.0.0-beta', '1.0.0-alpha'],
    ['1.0.0-alpha.1', '1.0.0-alpha'],
    ['1.0.0-alpha.beta', '1.0.0-alpha.1'],
    ['2025.2', '2025.1'],
    ['v1.2.0', '1.1.9'],
  ])('ranks %s above %s', (newer, older) => {
    expect(compareModelVersions(newer, older)).toBe(1);
    expect(compareModelVersions(older, newer)).toBe(-1);
  });

  it.each([
    ['1.2.3', '1.2.3'],
    ['1.2', '1.2.0'],
    ['1', '1.0.0'],
    ['1.2.3+build.5', '1.2.3+build.6'],
  ])('ranks %s equal to %s', (a, b) => {
    expect(compareModelVersions(a, b)).toBe(0);
  });

  it('treats a version that is not semver-like as equal', () => {
    expect(compareModelVersions('latest', '1.0.0')).toBe(0);
    expect(compareModelVersions('1.0.0', 'nightly')).toBe(0);
  });
});
