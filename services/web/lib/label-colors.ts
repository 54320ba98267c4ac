// Dark enough for white label text at a contrast of at least 4.5:1 (WCAG AA), and distinct from each other.
// Neighbouring entries differ in hue, because a label whose slot is taken moves to the next one.
export const LABEL_PALETTE = [
  '#b91c1c', // red
  '#1d4ed8', // blue
  '#047857', // green
  '#7e22ce', // purple
  '#c2410c', // orange
  '#0e7490', // cyan
  '#be185d', // pink
  '#4d7c0f', // olive
  '#92400e', // brown
  '#334155', // slate
] as const;

function hashLabel(label: string): number {
  let hash = 0;
  for (const char of label) {
    hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  }
  return hash;
}

/**
 * Assigns one colour per distinct label. A label keeps the same colour across images, except when two
 * labels of one image hash to the same slot. Then the later label takes the next free colour.
 */
export function assignLabelColors(labels: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  const usedSlots = new Set<number>();

  for (const label of labels) {
    if (colors.has(label)) {
      continue;
    }
    let slot = hashLabel(label) % LABEL_PALETTE.length;
    for (let step = 0; step < LABEL_PALETTE.length && usedSlots.has(slot); step += 1) {
      slot = (slot + 1) % LABEL_PALETTE.length;
    }
    usedSlots.add(slot);
    colors.set(label, LABEL_PALETTE[slot]);
  }
  return colors;
}
