import { expect } from '@jest/globals';

/** Compares float outputs element by element, since float32 cannot hold most decimal fractions exactly. */
export function expectClose(actual: readonly number[], expected: readonly number[], digits = 5): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => {
    expect([index, value]).toEqual([index, expect.closeTo(expected[index], digits)]);
  });
}
