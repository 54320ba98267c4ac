import { describe, expect, it } from '@jest/globals';
import { createEvent, SUBJECTS } from '@lookout/contracts';

import { completedData, detection, failedData } from '../../test/event-fixtures.js';
import { matchesFilter, WEBHOOK_SUBJECTS } from './webhook-filter.js';

const IMAGE_ID = '5b0c5c57-1f9c-4f43-8d8e-7d1f2b1a0c11';
const SOURCE = '/lookout/test';

const completed = createEvent(SUBJECTS.detectionsCompleted, {
  source: SOURCE,
  subject: IMAGE_ID,
  data: completedData(IMAGE_ID, { detections: [detection('person', 0.7, 0), detection('dog', 0.4)] }),
});
const failed = createEvent(SUBJECTS.detectionsFailed, { source: SOURCE, subject: IMAGE_ID, data: failedData(IMAGE_ID) });
const all = [...WEBHOOK_SUBJECTS];

describe('matchesFilter', () => {
  it('passes every event without labels or minScore', () => {
    expect(matchesFilter({ events: all }, SUBJECTS.detectionsCompleted, completed)).toBe(true);
    expect(matchesFilter({ events: all }, SUBJECTS.detectionsFailed, failed)).toBe(true);
  });

  it('drops subjects missing from events', () => {
    expect(matchesFilter({ events: [SUBJECTS.detectionsCompleted] }, SUBJECTS.detectionsFailed, failed)).toBe(false);
  });

  it.each([
    [{ labels: ['person'] }, true],
    [{ labels: ['cat'] }, false],
    [{ minScore: 0.7 }, true],
    [{ minScore: 0.71 }, false],
    [{ labels: ['person'], minScore: 0.6 }, true],
    // dog scores 0.4, and person is not in the labels.
    [{ labels: ['dog'], minScore: 0.6 }, false],
  ])('applies %j to a completed event with person 0.7 and dog 0.4', (filter, expected) => {
    expect(matchesFilter({ events: all, ...filter }, SUBJECTS.detectionsCompleted, completed)).toBe(expected);
  });

  it('passes a failed event despite a label filter', () => {
    expect(matchesFilter({ events: all, labels: ['cat'], minScore: 0.9 }, SUBJECTS.detectionsFailed, failed)).toBe(true);
  });
});
