import { DEAD_LETTER_HEADERS, DEAD_LETTER_SUBJECT_PREFIX, deadLetterMessageId, deadLetterSubject, type StreamDefinition } from '@lookout/messaging';

import type { JsonSchema } from './json-schema.js';
import { MESSAGING_SOURCE_DIR } from './catalogue-paths.js';
import { readSourceDocs, type SourceDocs } from './source-docs.js';
import { streamStoring } from './subject-streams.js';

/** Dead-letter subject, stream, producers and headers, as the catalogue documents them. */
export interface DeadLetterEntry {
  address: string;
  stream: StreamDefinition;
  /** Services whose JetStream consumers move a message here after its last failed delivery. */
  producers: readonly string[];
  /** JSON Schema of the headers, described from the comments on `DEAD_LETTER_HEADERS`. */
  headers: JsonSchema;
  /** `Nats-Msg-Id` of the dead letter of message 42 of IMAGES that the `detector` durable gave up on. */
  messageIdExample: string;
}

/** Services that read a stream through `@lookout/messaging`, so each one may publish dead letters. */
const DEAD_LETTER_PRODUCERS = ['detector', 'results'] as const;

/** Builds the dead-letter entry from the `@lookout/messaging` constants. */
export function buildDeadLetterEntry(docs: SourceDocs = readSourceDocs(MESSAGING_SOURCE_DIR)): DeadLetterEntry {
  const address = deadLetterSubject('{subject}');
  if (!address.startsWith(`${DEAD_LETTER_SUBJECT_PREFIX}.`)) {
    throw new Error(`Dead-letter subject ${address} does not start with ${DEAD_LETTER_SUBJECT_PREFIX}.`);
  }
  const headerDocs = docs.get('DEAD_LETTER_HEADERS')?.properties;
  const properties: Record<string, JsonSchema> = {};
  for (const [key, header] of Object.entries(DEAD_LETTER_HEADERS)) {
    const description = headerDocs?.get(key)?.doc;
    properties[header] = description === undefined ? { type: 'string' } : { type: 'string', description };
  }
  return {
    address,
    stream: streamStoring(address),
    producers: DEAD_LETTER_PRODUCERS,
    headers: { type: 'object', properties },
    messageIdExample: deadLetterMessageId('IMAGES', 'detector', 42),
  };
}
