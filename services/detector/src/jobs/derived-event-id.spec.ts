import { describe, expect, it } from '@jest/globals';
import { derivedEventId } from './derived-event-id.js';

describe('derivedEventId', () => {
  it('is stable for one job and subject', () => {
    expect(derivedEventId('job-1', 'detections.completed.v1')).toBe(derivedEventId('job-1', 'detections.completed.v1'));
  });

  it('differs between subjects and jobs', () => {
    const completed = derivedEventId('job-1', 'detections.completed.v1');
    expect(derivedEventId('job-1', 'detections.failed.v1')).not.toBe(completed);
    expect(derivedEventId('job-2', 'detections.completed.v1')).not.toBe(completed);
  });

  it('has the UUID layout', () => {
    expect(derivedEventId('job-1', 'detections.completed.v1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
