import { cloudEventType, type Subject } from '@lookout/contracts';
import { z } from 'zod';

/**
 * Builds the CloudEvents 1.0 envelope (structured JSON mode) of one subject, with `data` left open
 * for the payload schema. It mirrors the envelope that `parseEvent` in `@lookout/contracts` checks,
 * which that package does not export.
 */
export function cloudEventEnvelopeSchema(subject: Subject): z.ZodObject {
  return z.object({
    specversion: z.literal('1.0').describe('CloudEvents specification version.'),
    id: z
      .string()
      .min(1)
      .describe(
        'Event id. Publishers also send it as the `Nats-Msg-Id` header, so the stream drops a repeated publish within its duplicate window.',
      ),
    source: z.string().min(1).describe('URI of the producer, for example `/lookout/ingest`.'),
    type: z.literal(cloudEventType(subject)).describe('Event type: `io.lookout.` followed by the contract subject.'),
    subject: z.string().min(1).describe('Id of the image the event is about.'),
    time: z.iso.datetime({ offset: true }).describe('Time the producer created the event, in ISO 8601 with a UTC offset.'),
    datacontenttype: z.literal('application/json').describe('Media type of `data`.'),
    data: z.unknown().describe('The payload, described by the subject\'s payload schema.'),
  });
}
