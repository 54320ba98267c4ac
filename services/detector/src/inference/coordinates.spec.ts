import { describe, expect, it } from '@jest/globals';
import { letterboxToOriginal, originalToLetterbox } from './coordinates.js';
import { computeLetterbox } from './letterbox.js';

describe('letterbox coordinates', () => {
  const letterbox = computeLetterbox(640, 480, 416, 416);

  it('letterboxes 640x480 into 416x416', () => {
    expect(letterbox.scale).toBeCloseTo(0.65, 10);
    expect(letterbox.resizedWidth).toBe(416);
    expect(letterbox.resizedHeight).toBe(312);
    expect(letterbox.padLeft).toBe(0);
    expect(letterbox.padTop).toBe(52);
    expect(letterbox.originalWidth).toBe(640);
    expect(letterbox.originalHeight).toBe(480);
  });

  it('uses integer padding for an odd remainder', () => {
    // 100x33 scales by 4.16 to 416x137.28, rounded to 137 rows: 279 rows of padding, 139 on top.
    const odd = computeLetterbox(100, 33, 416, 416);
    expect(odd.resizedHeight).toBe(137);
    expect(odd.padTop).toBe(139);
    expect(Number.isInteger(odd.padLeft)).toBe(true);
  });

  it('maps the letterbox content edges to the image edges', () => {
    const mapped = letterboxToOriginal({ x1: 0, y1: 52, x2: 416, y2: 364 }, letterbox);
    expect(mapped).toEqual({ x1: 0, y1: 0, x2: 640, y2: 480 });
  });

  it('clips boxes reaching into the padding', () => {
    const mapped = letterboxToOriginal({ x1: -8, y1: 10, x2: 420, y2: 400 }, letterbox);
    expect(mapped).toEqual({ x1: 0, y1: 0, x2: 640, y2: 480 });
  });

  it('drops boxes inside the padding', () => {
    expect(letterboxToOriginal({ x1: 10, y1: 0, x2: 100, y2: 50 }, letterbox)).toBeNull();
    expect(letterboxToOriginal({ x1: 10, y1: 370, x2: 100, y2: 416 }, letterbox)).toBeNull();
  });

  it('round-trips a box inside the image', () => {
    const original = { x1: 123.5, y1: 40, x2: 500.25, y2: 470 };
    const mapped = letterboxToOriginal(originalToLetterbox(original, letterbox), letterbox);
    expect(mapped?.x1).toBeCloseTo(original.x1, 9);
    expect(mapped?.y1).toBeCloseTo(original.y1, 9);
    expect(mapped?.x2).toBeCloseTo(original.x2, 9);
    expect(mapped?.y2).toBeCloseTo(original.y2, 9);
  });

  it('uses the per-axis ratio of the rounded resize', () => {
    // 100x33: x ratio 100/416, y ratio 33/137 (not 1/4.16).
    const odd = computeLetterbox(100, 33, 416, 416);
    const mapped = letterboxToOriginal({ x1: 0, y1: odd.padTop, x2: 416, y2: odd.padTop + odd.resizedHeight }, odd);
    expect(mapped).toEqual({ x1: 0, y1: 0, x2: 100, y2: 33 });
  });
});
