import { describe, expect, it } from '@jest/globals';

import { InvalidParameterError } from '../errors/results-errors.js';
import { encodeCursor } from './image-cursor.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parseListImagesQuery } from './list-images-query.js';

function rejectedParameter(raw: Record<string, unknown>): string {
  try {
    parseListImagesQuery(raw);
  } catch (error) {
    if (error instanceof InvalidParameterError) {
      return error.parameter;
    }
    throw error;
  }
  throw new Error(`query ${JSON.stringify(raw)} was accepted`);
}

describe('parseListImagesQuery', () => {
  it('applies the default page size', () => {
    expect(parseListImagesQuery({})).toEqual({ label: undefined, minScore: undefined, limit: DEFAULT_PAGE_SIZE, cursor: undefined });
  });

  it('parses label, minScore, limit and cursor', () => {
    const cursor = { uploadedAt: new Date('2025-01-02T03:04:05.678Z'), id: '0b0f6f5e-1f8f-4a43-8f0e-6d2b1c0a9e11' };

    const query = parseListImagesQuery({ label: ' dog ', minScore: '0.5', limit: '7', cursor: encodeCursor(cursor) });

    expect(query.label).toBe('dog');
    expect(query.minScore).toBe(0.5);
    expect(query.limit).toBe(7);
    expect(query.cursor).toEqual(cursor);
  });

  it.each(['0', '1', '0.25', '.75', '1.0'])('accepts minScore %s', (minScore) => {
    expect(parseListImagesQuery({ minScore }).minScore).toBe(Number(minScore));
  });

  it.each([
    ['minScore', { minScore: '1.5' }],
    ['minScore', { minScore: '-0.1' }],
    ['minScore', { minScore: 'high' }],
    ['minScore', { minScore: '' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: String(MAX_PAGE_SIZE + 1) }],
    ['limit', { limit: '2.5' }],
    ['limit', { limit: 'ten' }],
    ['label', { label: '   ' }],
    ['label', { label: 'x'.repeat(101) }],
    ['label', { label: ['dog', 'cat'] }],
    ['cursor', { cursor: 'not-a-cursor' }],
    ['cursor', { cursor: '' }],
  ])('rejects an invalid %s', (parameter, raw) => {
    expect(rejectedParameter(raw)).toBe(parameter);
  });

  it('says when a parameter is repeated', () => {
    expect(() => parseListImagesQuery({ limit: ['1', '2'] })).toThrow('Invalid parameter limit: must be given once');
  });

  it('ignores unknown parameters', () => {
    expect(parseListImagesQuery({ sort: 'asc' }).limit).toBe(DEFAULT_PAGE_SIZE);
  });
});
