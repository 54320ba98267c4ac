import type { BoundingBox } from '../../lib/api/image-types';

/** On-screen size of a box label, in CSS pixels, whatever the scale of the photo. */
export const LABEL_FONT_PX = 13;
const LABEL_HEIGHT_EM = 1.5;
const LABEL_PADDING_EM = 0.4;
/** Advance width of one character of a monospace font, which lets the tag width be computed without measuring text. */
const MONOSPACE_ADVANCE_EM = 0.6;

export interface LabelTag {
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  textX: number;
  textY: number;
  textLength: number;
}

/**
 * Places a label tag in image pixel units: on top of the box's upper edge when there is room above
 * it, otherwise just inside the box, and always kept within the image's width.
 */
export function placeLabelTag(box: BoundingBox, text: string, imageWidth: number, imagePixelsPerCssPixel: number): LabelTag {
  const fontSize = LABEL_FONT_PX * imagePixelsPerCssPixel;
  const height = fontSize * LABEL_HEIGHT_EM;
  const padding = fontSize * LABEL_PADDING_EM;
  const textLength = text.length * fontSize * MONOSPACE_ADVANCE_EM;
  const width = textLength + 2 * padding;

  const x = Math.max(0, Math.min(box.x1, imageWidth - width));
  const y = box.y1 - height >= 0 ? box.y1 - height : box.y1;

  return { x, y, width, height, fontSize, textX: x + padding, textY: y + height / 2, textLength };
}
