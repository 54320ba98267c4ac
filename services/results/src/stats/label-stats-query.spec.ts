import { describe, expect, it } from '@jest/globals';

import { InvalidParameterError } from '../errors/results-errors.js';
import { MAX_STATS_RANGE_DAYS, parseLabelStatsQuery } from './label-stats-query.js';

function rejection(raw: Record<string, unknown>): InvalidParameterError {
  try {
    parseLabelStatsQuery(raw);
  } catch (error) {
    if (error instanceof InvalidParameterError) {
      return error;
    }
    throw error;
  }
  throw new Error(`query ${JSON.stringify(raw)} was accepted`);
}

describe('parseLabelStatsQuery', () => {
  it('parses the range and model', () => {
    const query = parseLabelStatsQuery({ from: '2025-12-01T00:00:00Z', to: '2025-12-08T02:00:00+02:00', modelId: 'nanodet-g-416' });

    expect(query.from.toISOString()).toBe('2025-12-01T00:00:00.000Z');
    expect(query.to.toISOString()).toBe('2025-12-08T00:00:00.000Z');
    expect(query.modelId).toBe('nanodet-g-416');
  });

  it.each([
    ['from', {}, 'Invalid parameter from: is required'],
    ['to', { from: '2025-12-01T00:00:00Z' }, 'Invalid parameter to: is required'],
    ['from', { from: '2025-12-01', to: '2025-12-08T00:00:00Z' }, 'Invalid parameter from: must be an ISO 8601 time'],
    ['to', { from: '2025-12-08T00:00:00Z', to: '2025-12-01T00:00:00Z' }, 'Invalid parameter to: must be later than from'],
    ['to', { from: '2025-12-01T00:00:00Z', to: '2025-12-01T00:00:00Z' }, 'Invalid parameter to: must be later than from'],
    ['modelId', { from: '2025-12-01T00:00:00Z', to: '2025-12-08T00:00:00Z', modelId: ' ' }, 'Invalid parameter modelId: must not be empty'],
    ['from', { from: ['2025-12-01T00:00:00Z', '2025-12-02T00:00:00Z'], to: '2025-12-08T00:00:00Z' }, 'Invalid parameter from: must be given once'],
  ])('rejects an invalid %s', (parameter, raw, message) => {
    const error = rejection(raw);

    expect(error.parameter).toBe(parameter);
    expect(error.message).toContain(message);
  });

  it('rejects a range longer than the maximum', () => {
    const from = new Date('2025-01-01T00:00:00Z');
    const to = new Date(from.getTime() + (MAX_STATS_RANGE_DAYS * 86_400_000 + 1));

    expect(rejection({ from: from.toISOString(), to: to.toISOString() }).parameter).toBe('to');
  });
});
