import { intersectionOverUnion, type ScoredBox } from './box.js';

/** Every box shares this key when suppression ignores classes. */
const ALL_CLASSES = -1;

/**
 * Greedy non-maximum suppression: keeps the highest-scoring box and drops boxes whose IoU with a
 * kept box exceeds `iouThreshold`. Boxes suppress only boxes of their own class, unless
 * `classAgnostic` is set, when they suppress boxes of every class. Returns the kept boxes sorted by
 * descending score, at most `maxDetections` of them.
 */
export function nonMaximumSuppression(
  candidates: readonly ScoredBox[],
  iouThreshold: number,
  maxDetections: number,
  classAgnostic = false,
): ScoredBox[] {
  const byScore = [...candidates].sort((a, b) => b.score - a.score);
  const survivorsByGroup = new Map<number, ScoredBox[]>();
  const survivors: ScoredBox[] = [];
  for (const candidate of byScore) {
    if (survivors.length >= maxDetections) {
      break;
    }
    const group = classAgnostic ? ALL_CLASSES : candidate.classId;
    const kept = survivorsByGroup.get(group) ?? [];
    if (kept.some((other) => intersectionOverUnion(other.box, candidate.box) > iouThreshold)) {
      continue;
    }
    kept.push(candidate);
    survivorsByGroup.set(group, kept);
    survivors.push(candidate);
  }
  return survivors;
}
