import { describe, expect, it } from '@jest/globals';
import { assignLabelColors, LABEL_PALETTE } from './label-colors';

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('assignLabelColors', () => {
  it('gives white text AA contrast on every colour', () => {
    for (const color of LABEL_PALETTE) {
      const contrast = 1.05 / (relativeLuminance(color) + 0.05);
      expect({ color, passes: contrast >= 4.5 }).toEqual({ color, passes: true });
    }
  });

  it('keeps one colour per label', () => {
    const colors = assignLabelColors(['dog', 'person', 'dog']);
    expect(colors.size).toBe(2);
    expect(assignLabelColors(['dog']).get('dog')).toBe(colors.get('dog'));
  });

  it('gives distinct labels distinct colours', () => {
    const labels = ['person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'dog'];
    const colors = assignLabelColors(labels);
    expect(new Set(colors.values()).size).toBe(labels.length);
  });
});
