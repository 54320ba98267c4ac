import { describe, expect, it } from '@jest/globals';
import { historyQueryString, parseHistoryQuery, toImageListFilter } from './history-query';

describe('parseHistoryQuery', () => {
  it('reads every filter', () => {
    const query = parseHistoryQuery(new URLSearchParams('label=dog&minScore=0.5&from=2025-03-01&to=2025-03-14'));
    expect(query).toEqual({ label: 'dog', minScore: '0.5', from: '2025-03-01', to: '2025-03-14' });
  });

  it('drops invalid values', () => {
    const query = parseHistoryQuery(new URLSearchParams('minScore=2&from=yesterday'));
    expect(query).toEqual({ label: '', minScore: '', from: '', to: '' });
  });
});

describe('historyQueryString', () => {
  it('omits empty filters', () => {
    expect(historyQueryString({ label: 'dog', minScore: '', from: '', to: '' })).toBe('?label=dog');
    expect(historyQueryString({ label: '', minScore: '', from: '', to: '' })).toBe('');
  });
});

describe('toImageListFilter', () => {
  it('makes the end day inclusive', () => {
    const filter = toImageListFilter({ label: '', minScore: '0.4', from: '2025-03-01', to: '2025-03-01' });
    expect(filter.minScore).toBe(0.4);
    expect(new Date(filter.to!).getTime() - new Date(filter.from!).getTime()).toBeGreaterThanOrEqual(23 * 3600 * 1000);
    expect(filter.label).toBeUndefined();
  });
});
