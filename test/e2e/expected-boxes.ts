import type { Box } from '@lookout/contracts';

/**
 * Objects in Debian darknet's `dog.jpg` (768×576), boxed by eye on the photo:
 * the dog sitting bottom left, the bicycle behind it, the pick-up truck top right.
 * The model may call the truck a car.
 */
export const DOG_PHOTO_OBJECTS: Array<{ labels: string[]; box: Box }> = [
  { labels: ['dog'], box: { x1: 130, y1: 218, x2: 310, y2: 540 } },
  { labels: ['bicycle'], box: { x1: 125, y1: 125, x2: 570, y2: 420 } },
  { labels: ['truck', 'car'], box: { x1: 465, y1: 80, x2: 700, y2: 170 } },
];

export function intersectionOverUnion(a: Box, b: Box): number {
  const width = Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1));
  const height = Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
  const intersection = width * height;
  const area = (box: Box) => (box.x2 - box.x1) * (box.y2 - box.y1);
  return intersection / (area(a) + area(b) - intersection);
}

/** Returns the best IoU of any detection carrying one of `labels` against `box`. */
export function bestMatch(detections: Array<{ label: string; box: Box }>, labels: string[], box: Box): number {
  return Math.max(0, ...detections.filter((d) => labels.includes(d.label)).map((d) => intersectionOverUnion(d.box, box)));
}
