/**
 * Expected value of a discretised distance (Generalized Focal Loss): softmax over the `bins`
 * logits starting at `offset`, then sum of j * p_j. The result lies in [0, bins - 1], in strides.
 */
export function expectedDistance(logits: ArrayLike<number>, offset: number, bins: number): number {
  let max = -Infinity;
  for (let j = 0; j < bins; j += 1) {
    max = Math.max(max, logits[offset + j]!);
  }
  let sum = 0;
  let weighted = 0;
  for (let j = 0; j < bins; j += 1) {
    // Subtracting the max keeps exp() from overflowing on large logits.
    const weight = Math.exp(logits[offset + j]! - max);
    sum += weight;
    weighted += j * weight;
  }
  return weighted / sum;
}
