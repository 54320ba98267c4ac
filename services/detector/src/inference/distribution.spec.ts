import { describe, expect, it } from '@jest/globals';
import { expectedDistance } from './distribution.js';

describe('expectedDistance', () => {
  it('returns the bin of a one-hot distribution', () => {
    const logits = new Float32Array(11).fill(0);
    logits[7] = 100;
    expect(expectedDistance(logits, 0, 11)).toBeCloseTo(7, 10);
  });

  it('averages bins of equal logits', () => {
    // Uniform over 0..10: mean 5.
    expect(expectedDistance(new Float32Array(11).fill(3), 0, 11)).toBeCloseTo(5, 10);
  });

  it('weights bins by softmax', () => {
    // Two bins 2 and 3 with logits 0 and ln 3: probabilities 1/4 and 3/4.
    const logits = new Float32Array(11).fill(-1000);
    logits[2] = 0;
    logits[3] = Math.log(3);
    expect(expectedDistance(logits, 0, 11)).toBeCloseTo(2.75, 6);
  });

  it('reads the bins at an offset', () => {
    const logits = new Float32Array(22).fill(0);
    logits[11 + 4] = 80;
    expect(expectedDistance(logits, 11, 11)).toBeCloseTo(4, 10);
  });

  it('stays finite for large logits', () => {
    const logits = new Float32Array(11).fill(1e4);
    expect(expectedDistance(logits, 0, 11)).toBeCloseTo(5, 10);
  });
});
