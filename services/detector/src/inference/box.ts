/** Axis-aligned box given by its corners, x1 <= x2 and y1 <= y2 for a valid box. */
export interface BoxCorners {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A box with its class before labels are attached. */
export interface ScoredBox {
  box: BoxCorners;
  classId: number;
  score: number;
}

export function boxArea(box: BoxCorners): number {
  return Math.max(0, box.x2 - box.x1) * Math.max(0, box.y2 - box.y1);
}

/** Intersection over union of two boxes; 0 when both are empty. */
export function intersectionOverUnion(a: BoxCorners, b: BoxCorners): number {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const height = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (width <= 0 || height <= 0) {
    return 0;
  }
  const intersection = width * height;
  const union = boxArea(a) + boxArea(b) - intersection;
  return union > 0 ? intersection / union : 0;
}
