import { describe, expect, it } from '@jest/globals';

import { replacesStoredResult, type StoredResult } from './result-precedence.js';

const MODEL = 'nanodet-g-416';
const EARLIER = new Date('2025-12-04T10:00:00.000Z');
const LATER = new Date('2025-12-04T10:05:00.000Z');

function done(modelVersion: string, completedAt: Date, modelId = MODEL): StoredResult {
  return { status: 'done', modelId, modelVersion, completedAt };
}

describe('replacesStoredResult', () => {
  it('lets any result replace a queued or failed image', () => {
    const incoming = { modelId: MODEL, modelVersion: '0.1.0', completedAt: EARLIER };

    expect(replacesStoredResult({ status: 'queued', modelId: null, modelVersion: null, completedAt: null }, incoming)).toBe(true);
    expect(replacesStoredResult({ status: 'failed', modelId: MODEL, modelVersion: '9.0.0', completedAt: LATER }, incoming)).toBe(true);
  });

  it('keeps a newer version when an older one completes later', () => {
    expect(replacesStoredResult(done('1.10.0', EARLIER), { modelId: MODEL, modelVersion: '1.9.0', completedAt: LATER })).toBe(false);
  });

  it('replaces an older version that completed later', () => {
    expect(replacesStoredResult(done('1.9.0', LATER), { modelId: MODEL, modelVersion: '1.10.0', completedAt: EARLIER })).toBe(true);
  });

  it('compares completedAt for the same version', () => {
    expect(replacesStoredResult(done('1.0.0', LATER), { modelId: MODEL, modelVersion: '1.0.0', completedAt: EARLIER })).toBe(false);
    expect(replacesStoredResult(done('1.0.0', EARLIER), { modelId: MODEL, modelVersion: '1.0.0', completedAt: LATER })).toBe(true);
  });

  it('replaces its own copy when the same result arrives again', () => {
    expect(replacesStoredResult(done('1.0.0', EARLIER), { modelId: MODEL, modelVersion: '1.0.0', completedAt: EARLIER })).toBe(true);
  });

  it('compares only completedAt across models', () => {
    const stored = done('1.0.0', LATER, 'other-model');

    expect(replacesStoredResult(stored, { modelId: MODEL, modelVersion: '9.0.0', completedAt: EARLIER })).toBe(false);
    expect(replacesStoredResult(done('9.0.0', EARLIER, 'other-model'), { modelId: MODEL, modelVersion: '1.0.0', completedAt: LATER })).toBe(true);
  });
});
