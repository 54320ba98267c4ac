import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatMegapixels } from './format-units.js';

describe('formatBytes', () => {
  it.each([
    [512, '512 bytes'],
    [1536, '1.5 KiB'],
    [20 * 1024 * 1024, '20 MiB'],
    [26_528_972, '25.3 MiB'],
  ])('formats %d', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatMegapixels', () => {
  it.each([
    [40_000_000, '40 megapixels'],
    [2_500_000_000, '2500 megapixels'],
    [12_345_678, '12.3 megapixels'],
  ])('formats %d', (pixels, text) => {
    expect(formatMegapixels(pixels)).toBe(text);
  });
});
