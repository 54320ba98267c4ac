import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import type { Box, Detection } from '@lookout/contracts';
import { photoPath } from '@lookout/testing';
import { REPO_ROOT } from '../config/detector-config.js';
import { drawDetections } from '../../test/support/draw-detections.js';
import { loadRealModel, type RealModel } from '../../test/support/real-model.js';
import { intersectionOverUnion } from './box.js';

/**
 * Boxes in dog.jpg (768x576) drawn by hand after viewing the model's output in
 * test-output/dog-boxes.png: the dog sitting on the porch, the red bicycle behind it and the
 * white pickup truck parked across the street.
 */
const EXPECTED_BOXES: Array<{ labels: string[]; box: Box }> = [
  { labels: ['dog'], box: { x1: 133, y1: 222, x2: 310, y2: 538 } },
  { labels: ['bicycle'], box: { x1: 128, y1: 115, x2: 566, y2: 418 } },
  { labels: ['truck', 'car'], box: { x1: 470, y1: 85, x2: 690, y2: 165 } },
];
const MIN_IOU = 0.5;
/** Re-encoding the photo as JPEG moves boxes by a few pixels at most. */
const SAME_BOX_MIN_IOU = 0.9;

/** Returns the detection of one of `labels` that overlaps `box` most, with that IoU. */
function bestMatch(detections: readonly Detection[], labels: string[], box: Box): { detection?: Detection; iou: number } {
  let best: { detection?: Detection; iou: number } = { iou: 0 };
  for (const detection of detections) {
    const iou = intersectionOverUnion(detection.box, box);
    if (labels.includes(detection.label) && iou > best.iou) {
      best = { detection, iou };
    }
  }
  return best;
}

describe('detection pipeline on NanoDet-g-416', () => {
  let model: RealModel;
  let photo: Buffer;

  beforeAll(async () => {
    model = await loadRealModel();
    photo = await readFile(photoPath('dog.jpg'));
  });

  afterAll(async () => {
    await model?.session.release();
  });

  it('runs on the CPU', () => {
    expect(model.session.executionProvider).toBe('cpu');
  });

  it('finds the dog, the bicycle and the truck', async () => {
    const result = await model.pipeline.detect(photo);
    await drawDetections(photo, result.detections, join(REPO_ROOT, 'test-output', 'dog-boxes.png'));

    expect(result.width).toBe(768);
    expect(result.height).toBe(576);
    for (const { labels, box } of EXPECTED_BOXES) {
      const { iou } = bestMatch(result.detections, labels, box);
      expect({ labels, iou: iou >= MIN_IOU }).toEqual({ labels, iou: true });
    }
  });

  it('reports scores, labels and timings', async () => {
    const result = await model.pipeline.detect(photo);

    const scores = result.detections.map((detection) => detection.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(model.pipeline.thresholds.scoreThreshold);
    for (const detection of result.detections) {
      expect(detection.label).toBe(model.manifest.labels[detection.classId]);
      expect(detection.box.x1).toBeGreaterThanOrEqual(0);
      expect(detection.box.x2).toBeLessThanOrEqual(result.width);
      expect(detection.box.y2).toBeLessThanOrEqual(result.height);
    }
    expect(result.timings.decodeMs).toBeGreaterThan(0);
    expect(result.timings.inferenceMs).toBeGreaterThan(0);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.decodeMs + result.timings.inferenceMs - 0.02);
  });

  it('returns upright boxes for an EXIF-rotated copy', async () => {
    // Pixels stored turned 90 degrees counter-clockwise and tagged "rotate 90 degrees clockwise for
    // display" (orientation 6): the upright image is the original photo again, re-encoded.
    const rotated = await sharp(photo).rotate(270).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    const stored = await sharp(rotated).metadata();
    expect({ width: stored.width, height: stored.height, orientation: stored.orientation }).toEqual({ width: 576, height: 768, orientation: 6 });
    const plain = await model.pipeline.detect(photo);

    const result = await model.pipeline.detect(rotated);
    await drawDetections(rotated, result.detections, join(REPO_ROOT, 'test-output', 'dog-rotated-boxes.png'));

    expect(result.width).toBe(768);
    expect(result.height).toBe(576);
    for (const { labels, box } of EXPECTED_BOXES) {
      const reference = bestMatch(plain.detections, labels, box).detection!;
      const { iou } = bestMatch(result.detections, labels, reference.box);
      expect({ labels, iou: iou >= SAME_BOX_MIN_IOU }).toEqual({ labels, iou: true });
    }
  });
});
