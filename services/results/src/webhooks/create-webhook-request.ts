import { z } from 'zod';

import { InvalidWebhookError } from '../errors/webhook-errors.js';
import { WEBHOOK_SUBJECTS, type WebhookFilter } from './webhook-filter.js';

const MAX_LABELS = 100;
const MAX_LABEL_LENGTH = 100;
const MAX_DESCRIPTION_LENGTH = 500;

/** Validated body of `POST /v1/webhooks`. The URL is checked separately, against the allow-list and DNS. */
export interface CreateWebhookRequest {
  url: string;
  filter: WebhookFilter;
  description?: string;
}

const filterSchema = z.strictObject({
  labels: z
    .array(z.string().trim().min(1, 'must not contain an empty label').max(MAX_LABEL_LENGTH, `must contain labels of at most ${MAX_LABEL_LENGTH} characters`))
    .min(1, 'must contain at least one label')
    .max(MAX_LABELS, `must contain at most ${MAX_LABELS} labels`)
    .optional(),
  minScore: z.number('must be a number from 0 to 1').min(0, 'must be a number from 0 to 1').max(1, 'must be a number from 0 to 1').optional(),
  events: z
    .array(z.enum(WEBHOOK_SUBJECTS, `must contain only ${WEBHOOK_SUBJECTS.join(' or ')}`))
    .min(1, 'must contain at least one subject')
    .optional(),
});

const requestSchema = z.strictObject({
  url: z.string('must be a string'),
  filter: filterSchema.optional(),
  description: z.string('must be a string').trim().max(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`).optional(),
});

/** Validates a registration body; throws InvalidWebhookError naming the first invalid field, such as `filter.minScore`. */
export function parseCreateWebhookRequest(body: unknown): CreateWebhookRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidWebhookError('body', 'must be a JSON object');
  }
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    // Array positions are left out so the field reads `filter.labels`, not `filter.labels.2`.
    const field = path.filter((part) => typeof part === 'string').join('.') || 'body';
    const problem = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
    throw new InvalidWebhookError(field, problem);
  }

  const { url, filter = {}, description } = parsed.data;
  return {
    url,
    filter: {
      events: [...new Set(filter.events ?? WEBHOOK_SUBJECTS)],
      ...(filter.labels === undefined ? {} : { labels: [...new Set(filter.labels)] }),
      ...(filter.minScore === undefined ? {} : { minScore: filter.minScore }),
    },
    ...(description === undefined || description === '' ? {} : { description }),
  };
}
