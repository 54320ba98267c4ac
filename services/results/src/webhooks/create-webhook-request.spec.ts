import { describe, expect, it } from '@jest/globals';

import { InvalidWebhookError } from '../errors/webhook-errors.js';
import { parseCreateWebhookRequest } from './create-webhook-request.js';

const URL_TEXT = 'https://hooks.example.com/lookout';

function invalidField(body: unknown): { field: string; message: string } {
  try {
    parseCreateWebhookRequest(body);
  } catch (error) {
    if (error instanceof InvalidWebhookError) {
      return { field: error.field, message: error.message };
    }
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('parseCreateWebhookRequest', () => {
  it('subscribes to both subjects when the filter leaves them out', () => {
    expect(parseCreateWebhookRequest({ url: URL_TEXT })).toEqual({
      url: URL_TEXT,
      filter: { events: ['detections.completed.v1', 'detections.failed.v1'] },
    });
  });

  it('keeps labels, minScore, events and description', () => {
    const request = parseCreateWebhookRequest({
      url: URL_TEXT,
      filter: { labels: ['person', ' dog ', 'person'], minScore: 0.6, events: ['detections.completed.v1'] },
      description: ' door camera ',
    });

    expect(request).toEqual({
      url: URL_TEXT,
      filter: { events: ['detections.completed.v1'], labels: ['person', 'dog'], minScore: 0.6 },
      description: 'door camera',
    });
  });

  it.each([
    [null, 'body'],
    [[URL_TEXT], 'body'],
    [{}, 'url'],
    [{ url: 42 }, 'url'],
    [{ url: URL_TEXT, filter: { minScore: 1.5 } }, 'filter.minScore'],
    [{ url: URL_TEXT, filter: { minScore: '0.5' } }, 'filter.minScore'],
    [{ url: URL_TEXT, filter: { labels: [] } }, 'filter.labels'],
    [{ url: URL_TEXT, filter: { labels: ['person', ''] } }, 'filter.labels'],
    [{ url: URL_TEXT, filter: { labels: 'person' } }, 'filter.labels'],
    [{ url: URL_TEXT, filter: { events: [] } }, 'filter.events'],
    [{ url: URL_TEXT, filter: { events: ['images.uploaded.v1'] } }, 'filter.events'],
    [{ url: URL_TEXT, filter: { label: 'person' } }, 'filter.label'],
    [{ url: URL_TEXT, filter: [] }, 'filter'],
    [{ url: URL_TEXT, description: 'x'.repeat(501) }, 'description'],
    [{ url: URL_TEXT, secret: 'chosen' }, 'secret'],
  ])('rejects %j naming %s', (body, field) => {
    expect(invalidField(body).field).toBe(field);
  });

  it('says which subjects events may contain', () => {
    expect(invalidField({ url: URL_TEXT, filter: { events: ['detections.found.v1'] } }).message).toContain(
      'must contain only detections.completed.v1 or detections.failed.v1',
    );
  });
});
