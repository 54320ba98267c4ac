import { describe, expect, it } from '@jest/globals';
import { nanodetManifestFixture } from '../../test/support/manifest.fixture.js';
import { applyDetectionOptions, planPostprocess, resolveThresholds } from './detection-options.js';

const DEFAULTS = { scoreThreshold: 0.35, iouThreshold: 0.6, maxDetections: 100 };
const LABELS = ['person', 'bicycle', 'dog', 'dog'];

describe('detection options', () => {
  it('prefers environment overrides to the manifest', () => {
    expect(resolveThresholds(nanodetManifestFixture(), { scoreThreshold: 0.5 })).toEqual({ scoreThreshold: 0.5, iouThreshold: 0.6, maxDetections: 100 });
  });

  it('fills every missing option with the default', () => {
    expect(applyDetectionOptions(DEFAULTS)).toEqual({ minScore: 0.35, iouThreshold: 0.6, classes: null, maxDetections: 100, classAgnostic: false });
  });

  it('lets upload options win over defaults', () => {
    const applied = applyDetectionOptions(DEFAULTS, { minScore: 0.1, iouThreshold: 0.3, classes: ['dog'], maxDetections: 5, classAgnostic: true });

    expect(applied).toEqual({ minScore: 0.1, iouThreshold: 0.3, classes: ['dog'], maxDetections: 5, classAgnostic: true });
  });

  it('keeps a minScore of 0', () => {
    expect(applyDetectionOptions(DEFAULTS, { minScore: 0 }).minScore).toBe(0);
  });

  it('removes repeated class names', () => {
    expect(applyDetectionOptions(DEFAULTS, { classes: ['dog', 'person', 'dog'] }).classes).toEqual(['dog', 'person']);
  });

  it('maps class names to every matching label id', () => {
    expect(planPostprocess(LABELS, DEFAULTS, { classes: ['dog', 'bicycle'] }).filter.classIds).toEqual(new Set([1, 2, 3]));
  });

  it('matches unknown names and other cases to nothing', () => {
    const plan = planPostprocess(LABELS, DEFAULTS, { classes: ['unicorn', 'Dog'] });

    expect(plan.filter.classIds).toEqual(new Set());
    expect(plan.applied.classes).toEqual(['unicorn', 'Dog']);
  });

  it('keeps every class without a list', () => {
    expect(planPostprocess(LABELS, DEFAULTS).filter).toEqual({ minScore: 0.35, classIds: null });
  });
});
