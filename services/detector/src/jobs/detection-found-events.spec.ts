import { describe, expect, it } from '@jest/globals';
import type { Detection } from '@lookout/contracts';
import type { DetectionResult } from '../inference/detection-pipeline.js';
import { derivedEventId } from './derived-event-id.js';
import { foundEvents } from './detection-found-events.js';

const job = { imageId: '0b9f3c1e-4a52-4d8e-9a53-2f7c8a1d6e40', jobId: 'f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f607', detectorId: 'detector-1' };
const model = { id: 'nanodet-g-416', version: '1' };
const completedAt = new Date('2026-12-04T10:00:00.000Z');

function detection(label: string, classId: number, score: number): Detection {
  return { label, classId, score, box: { x1: 1, y1: 2, x2: 30, y2: 40 } };
}

function result(detections: Detection[]): DetectionResult {
  return {
    width: 768,
    height: 576,
    detections,
    appliedOptions: { minScore: 0.35, iouThreshold: 0.6, classes: null, maxDetections: 100, classAgnostic: false },
    batchSize: 1,
    timings: { decodeMs: 1, inferenceMs: 2, totalMs: 3 },
  };
}

describe('foundEvents', () => {
  it('builds one event per label', () => {
    const detections = [detection('dog', 16, 0.7), detection('bicycle', 1, 0.9), detection('dog', 16, 0.8), detection('traffic light', 9, 0.4)];

    const events = foundEvents(job, model, 'cpu', result(detections), completedAt);

    expect(events.map((event) => event.data.label)).toEqual(['bicycle', 'dog', 'traffic light']);
    const dog = events[1]!;
    expect(dog.data).toEqual({
      imageId: job.imageId,
      jobId: job.jobId,
      label: 'dog',
      classId: 16,
      maxScore: 0.8,
      count: 2,
      detections: [detection('dog', 16, 0.8), detection('dog', 16, 0.7)],
      width: 768,
      height: 576,
      model,
      executionProvider: 'cpu',
      completedAt: '2026-12-04T10:00:00.000Z',
    });
    expect(dog.subject).toBe(job.imageId);
    expect(dog.time).toBe('2026-12-04T10:00:00.000Z');
    expect(dog.type).toBe('io.lookout.detections.found.v1');
  });

  it('derives ids from the job and label', () => {
    const events = foundEvents(job, model, 'cpu', result([detection('traffic light', 9, 0.4)]), completedAt);
    const again = foundEvents(job, model, 'cpu', result([detection('traffic light', 9, 0.5)]), new Date());

    expect(events[0]!.id).toBe(derivedEventId(job.jobId, 'detections.found.v1.traffic_light'));
    expect(again[0]!.id).toBe(events[0]!.id);
  });

  it('builds none without detections', () => {
    expect(foundEvents(job, model, 'cpu', result([]), completedAt)).toEqual([]);
  });
});
