import { describe, expect, it } from '@jest/globals';
import type { Detection } from '../../lib/api/image-types';
import { filterDetections, NO_FILTER } from './detection-filter';

const box = { x1: 0, y1: 0, x2: 10, y2: 10 };
const detections: Detection[] = [
  { label: 'dog', classId: 16, score: 0.87, box },
  { label: 'bicycle', classId: 1, score: 0.64, box },
  { label: 'dog', classId: 16, score: 0.41, box },
];

describe('filterDetections', () => {
  it('keeps everything without a filter', () => {
    expect(filterDetections(detections, NO_FILTER).map((entry) => entry.index)).toEqual([0, 1, 2]);
  });

  it('drops scores below the minimum', () => {
    expect(filterDetections(detections, { minScore: 0.64, hiddenLabels: new Set() }).map((entry) => entry.index)).toEqual([0, 1]);
  });

  it('drops hidden labels and keeps indexes', () => {
    expect(filterDetections(detections, { minScore: 0, hiddenLabels: new Set(['dog']) })).toEqual([{ index: 1, detection: detections[1] }]);
  });
});
