import { describe, expect, it } from '@jest/globals';
import { LABEL_FONT_PX, placeLabelTag } from './box-geometry';

describe('placeLabelTag', () => {
  it('sits above the box when there is room', () => {
    const tag = placeLabelTag({ x1: 100, y1: 200, x2: 300, y2: 400 }, 'dog 0.87', 800, 1);
    expect(tag.y + tag.height).toBe(200);
    expect(tag.x).toBe(100);
  });

  it('moves inside the box at the top edge', () => {
    const tag = placeLabelTag({ x1: 100, y1: 5, x2: 300, y2: 400 }, 'dog 0.87', 800, 1);
    expect(tag.y).toBe(5);
  });

  it('stays within the image width', () => {
    const tag = placeLabelTag({ x1: 780, y1: 200, x2: 800, y2: 300 }, 'bicycle 0.64', 800, 1);
    expect(tag.x + tag.width).toBeCloseTo(800);
  });

  it('scales with image pixels per CSS pixel', () => {
    const tag = placeLabelTag({ x1: 0, y1: 500, x2: 10, y2: 600 }, 'cat 0.50', 4000, 4);
    expect(tag.fontSize).toBe(LABEL_FONT_PX * 4);
  });
});
