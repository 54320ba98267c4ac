import { describe, expect, it } from '@jest/globals';

import { toCocoResults, type CocoSourceImage } from './coco-format.js';
import { CategoryConflictError } from './export-errors.js';

const DOG_IMAGE: CocoSourceImage = {
  id: '5b1d0c8e-3c55-4d5e-9a64-1e2f3a4b5c6d',
  objectKey: 'images/2025/12/04/5b1d0c8e-3c55-4d5e-9a64-1e2f3a4b5c6d.jpg',
  width: 768,
  height: 576,
  detections: [
    { label: 'dog', classId: 16, score: 0.875, x1: 131.5, y1: 219.25, x2: 309.75, y2: 541.125 },
    { label: 'bicycle', classId: 1, score: 0.625, x1: 10, y1: 20, x2: 110, y2: 70 },
  ],
};

const PERSON_IMAGE: CocoSourceImage = {
  id: '0b0f6f5e-1f8f-4a43-8f0e-6d2b1c0a9e11',
  objectKey: null,
  width: null,
  height: null,
  detections: [{ label: 'person', classId: 0, score: 0.5, x1: 0.123, y1: 1.006, x2: 100.456, y2: 2 }],
};

describe('toCocoResults', () => {
  it('converts boxes to pixel x, y, width and height', () => {
    const coco = toCocoResults([DOG_IMAGE]);

    expect(coco.annotations).toEqual([
      { id: 1, image_id: 1, category_id: 17, bbox: [131.5, 219.25, 178.25, 321.88], score: 0.875, area: 57374.22 },
      { id: 2, image_id: 1, category_id: 2, bbox: [10, 20, 100, 50], score: 0.625, area: 5000 },
    ]);
  });

  it('numbers images from 1 and names them after the stored file', () => {
    const coco = toCocoResults([DOG_IMAGE, PERSON_IMAGE]);

    expect(coco.images).toEqual([
      { id: 1, file_name: '5b1d0c8e-3c55-4d5e-9a64-1e2f3a4b5c6d.jpg', width: 768, height: 576 },
      { id: 2, file_name: '0b0f6f5e-1f8f-4a43-8f0e-6d2b1c0a9e11', width: null, height: null },
    ]);
    expect(coco.annotations.map((annotation) => [annotation.id, annotation.image_id])).toEqual([
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
  });

  it('lists the categories in use as class id + 1, sorted', () => {
    const coco = toCocoResults([DOG_IMAGE, PERSON_IMAGE]);

    expect(coco.categories).toEqual([
      { id: 1, name: 'person' },
      { id: 2, name: 'bicycle' },
      { id: 17, name: 'dog' },
    ]);
  });

  it('rounds coordinates and area to hundredths', () => {
    const [annotation] = toCocoResults([PERSON_IMAGE]).annotations;

    // width 100.333, height 0.994, area 99.731002
    expect(annotation!.bbox).toEqual([0.12, 1.01, 100.33, 0.99]);
    expect(annotation!.area).toBe(99.73);
  });

  it('returns empty lists for no images', () => {
    expect(toCocoResults([])).toEqual({ images: [], categories: [], annotations: [] });
  });

  it('keeps an image without detections', () => {
    const coco = toCocoResults([{ ...DOG_IMAGE, detections: [] }]);

    expect(coco.images).toHaveLength(1);
    expect(coco.annotations).toEqual([]);
    expect(coco.categories).toEqual([]);
  });

  it('rejects one class id with two labels', () => {
    const other = { ...PERSON_IMAGE, detections: [{ ...PERSON_IMAGE.detections[0]!, classId: 16, label: 'hound' }] };

    expect(() => toCocoResults([DOG_IMAGE, other])).toThrow(CategoryConflictError);
    expect(() => toCocoResults([DOG_IMAGE, other])).toThrow('Class id 16 is "dog" in one exported result and "hound" in another');
  });
});
