import { describe, expect, it } from '@jest/globals';
import type { ScoredBox } from './box.js';
import { intersectionOverUnion } from './box.js';
import { nonMaximumSuppression } from './nms.js';

function candidate(classId: number, score: number, x1: number, y1: number, x2: number, y2: number): ScoredBox {
  return { classId, score, box: { x1, y1, x2, y2 } };
}

describe('nonMaximumSuppression', () => {
  it('computes IoU of overlapping boxes', () => {
    // 10x10 boxes shifted by 5 on x: intersection 50, union 150.
    expect(intersectionOverUnion({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 5, y1: 0, x2: 15, y2: 10 })).toBeCloseTo(1 / 3, 10);
    expect(intersectionOverUnion({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 10, y1: 0, x2: 20, y2: 10 })).toBe(0);
  });

  it('drops an overlapping box of the same class', () => {
    const best = candidate(1, 0.9, 0, 0, 100, 100);
    const duplicate = candidate(1, 0.8, 5, 5, 105, 105);
    expect(nonMaximumSuppression([duplicate, best], 0.5, 10)).toEqual([best]);
  });

  it('keeps an overlapping box of another class', () => {
    const dog = candidate(16, 0.9, 0, 0, 100, 100);
    const cat = candidate(15, 0.8, 5, 5, 105, 105);
    expect(nonMaximumSuppression([cat, dog], 0.5, 10)).toEqual([dog, cat]);
  });

  it('keeps a same-class box whose IoU is at the threshold', () => {
    const left = candidate(2, 0.9, 0, 0, 10, 10);
    const shifted = candidate(2, 0.7, 5, 0, 15, 10);
    expect(nonMaximumSuppression([left, shifted], 1 / 3, 10)).toHaveLength(2);
    expect(nonMaximumSuppression([left, shifted], 0.3, 10)).toEqual([left]);
  });

  it('sorts by score and caps the count', () => {
    const boxes = [0.2, 0.9, 0.5, 0.7].map((score, index) => candidate(index, score, index * 20, 0, index * 20 + 10, 10));
    const survivors = nonMaximumSuppression(boxes, 0.5, 3);
    expect(survivors.map((box) => box.score)).toEqual([0.9, 0.7, 0.5]);
  });

  it('returns nothing for no candidates', () => {
    expect(nonMaximumSuppression([], 0.5, 10)).toEqual([]);
  });
  it('suppresses across classes when class-agnostic', () => {
    const dog = candidate(16, 0.9, 0, 0, 100, 100);
    const cat = candidate(15, 0.8, 5, 5, 105, 105);
    const apart = candidate(15, 0.7, 200, 200, 300, 300);
    expect(nonMaximumSuppression([cat, dog, apart], 0.5, 10, true)).toEqual([dog, apart]);
  });
});
