import { describe, expect, it } from '@jest/globals';

import { LatestChangeFilter } from './latest-change-filter.js';

const IMAGE_A = 'a0000000-0000-4000-8000-000000000001';
const IMAGE_B = 'b0000000-0000-4000-8000-000000000002';

function at(seconds: number): Date {
  return new Date(Date.UTC(2025, 11, 4, 10, 0, seconds));
}

describe('LatestChangeFilter', () => {
  it('passes changes in order', () => {
    const filter = new LatestChangeFilter();

    expect(filter.accept(IMAGE_A, at(1))).toBe(true);
    expect(filter.accept(IMAGE_A, at(2))).toBe(true);
  });

  it('drops a change older than one already passed', () => {
    const filter = new LatestChangeFilter();
    filter.accept(IMAGE_A, at(2));

    expect(filter.accept(IMAGE_A, at(1))).toBe(false);
  });

  it('passes a repeat of the latest change', () => {
    const filter = new LatestChangeFilter();
    filter.accept(IMAGE_A, at(2));

    expect(filter.accept(IMAGE_A, at(2))).toBe(true);
  });

  it('orders each image on its own', () => {
    const filter = new LatestChangeFilter();
    filter.accept(IMAGE_A, at(5));

    expect(filter.accept(IMAGE_B, at(1))).toBe(true);
  });

  it('forgets the least recently changed image beyond its capacity', () => {
    const filter = new LatestChangeFilter(1);
    filter.accept(IMAGE_A, at(5));
    filter.accept(IMAGE_B, at(5));

    // IMAGE_A was forgotten, so an older change of it passes again.
    expect(filter.accept(IMAGE_A, at(1))).toBe(true);
  });
});
