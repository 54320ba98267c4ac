import { describe, expect, it } from '@jest/globals';
import { SUBJECTS, parseEvent } from '@lookout/contracts';

import { startedEvent } from './detection-events.js';

const JOB = { imageId: '3f0c7a1e-9a0b-4c55-8e2f-0d1e2f3a4b5c', jobId: 'upload-event-1', detectorId: 'detector-a' };
const MODEL = { id: 'nanodet-g-416', version: '2025.1' };
const STARTED_AT = new Date('2025-12-04T10:00:00.000Z');

describe('startedEvent', () => {
  it('repeats the id for the same attempt', () => {
    expect(startedEvent(JOB, MODEL, 'cpu', 1, STARTED_AT).id).toBe(startedEvent(JOB, MODEL, 'cpu', 1, new Date()).id);
  });

  it('gives each attempt its own id', () => {
    expect(startedEvent(JOB, MODEL, 'cpu', 2, STARTED_AT).id).not.toBe(startedEvent(JOB, MODEL, 'cpu', 1, STARTED_AT).id);
  });

  it('matches the contract', () => {
    const event = startedEvent(JOB, MODEL, 'cuda', 3, STARTED_AT);

    expect(parseEvent(SUBJECTS.detectionsStarted, event).data).toEqual({
      imageId: JOB.imageId,
      jobId: JOB.jobId,
      detectorId: 'detector-a',
      model: MODEL,
      executionProvider: 'cuda',
      attempt: 3,
      startedAt: '2025-12-04T10:00:00.000Z',
    });
    expect(event.subject).toBe(JOB.imageId);
  });
});
