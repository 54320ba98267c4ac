import { intersectionOverUnion, type ScoredBox } from './box.js';

/**
 * Greedy non-maximum suppression within each class: keeps the highest-scoring box and drops
 * boxes of the same class whose IoU with a kept box exceeds `iouThreshold`. Returns the kept
 * boxes sorted by descending score, at most `maxDetections` of them.
 */
export function nonMaximumSuppression(candidates: readonly ScoredBox[], iouThreshold: number, maxDetections: number): ScoredBox[] {
  const byScore = [...candidates].sort((a, b) => b.score - a.score);
  const survivorsByClass = new Map<number, ScoredBox[]>();
  const survivors: ScoredBox[] = [];
  for (const candidate of byScore) {
    if (survivors.length >= maxDetections) {
      break;
    }
    const sameClass = survivorsByClass.get(candidate.classId) ?? [];
    if (sameClass.some((other) => intersectionOverUnion(other.box, candidate.box) > iouThreshold)) {
      continue;
    }
    sameClass.push(candidate);
    survivorsByClass.set(candidate.classId, sameClass);
    survivors.push(candidate);
  }
  return survivors;
}
