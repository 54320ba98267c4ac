import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudEventType, EVENT_DATA_SCHEMAS, SUBJECTS, type Subject } from '@lookout/contracts';
import type { StreamDefinition } from '@lookout/messaging';

import { cloudEventEnvelopeSchema } from './cloud-event-envelope.js';
import { contractDescriptions } from './contract-descriptions.js';
import { buildDeadLetterEntry, type DeadLetterEntry } from './dead-letters.js';
import type { JsonSchema } from './json-schema.js';
import { labelTokenRule } from './label-token.js';
import { CONTRACTS_SOURCE_DIR } from './catalogue-paths.js';
import { readSourceDocs } from './source-docs.js';
import { SUBJECT_ROLES, type SubjectRoles } from './subject-roles.js';
import { streamStoring } from './subject-streams.js';
import { zodToJsonSchema, type SchemaDescriptions } from './zod-json-schema.js';

/** Everything the catalogue documents about one subject. */
export interface SubjectEntry {
  subject: Subject;
  /** Identifier for the AsyncAPI channel and message, from the `SUBJECTS` key and version: `imageUploadedV1`. */
  id: string;
  /** Name of the payload type in `@lookout/contracts`: `ImageUploadedV1`. */
  typeName: string;
  /** NATS subject, with `{label}` in place of the last token for a per-label subject. */
  address: string;
  cloudEventType: string;
  stream: StreamDefinition;
  roles: SubjectRoles;
  /** JSON Schema of the payload, with `$schema`. */
  payload: JsonSchema;
  /** JSON Schema of the CloudEvent envelope without `data`, which the payload fills in. */
  envelope: JsonSchema;
}

/** The generated documents' content: every subject, the dead letters and the label token rule. */
export interface Catalogue {
  /** Version of `@lookout/contracts`. */
  version: string;
  subjects: SubjectEntry[];
  deadLetters: DeadLetterEntry;
  labelTokenRule: string;
}

/** Builds the catalogue from the contracts, their JSDoc comments and the messaging constants. */
export function buildCatalogue(): Catalogue {
  const contractDocs = readSourceDocs(CONTRACTS_SOURCE_DIR);
  const packageJson = JSON.parse(readFileSync(join(CONTRACTS_SOURCE_DIR, '..', 'package.json'), 'utf8')) as { version: string };
  return {
    version: packageJson.version,
    subjects: buildSubjectEntries(contractDescriptions(contractDocs)),
    deadLetters: buildDeadLetterEntry(),
    labelTokenRule: labelTokenRule(contractDocs),
  };
}

/** Builds the entry of every subject in `SUBJECTS`, in declaration order. */
export function buildSubjectEntries(descriptions: SchemaDescriptions): SubjectEntry[] {
  return (Object.entries(SUBJECTS) as Array<[keyof typeof SUBJECTS, Subject]>).map(([key, subject]) => {
    const roles = SUBJECT_ROLES[subject];
    const address = roles.parameter === undefined ? subject : `${subject}.{${roles.parameter}}`;
    const id = `${key}${versionSuffix(subject)}`;
    return {
      subject,
      id,
      typeName: id.charAt(0).toUpperCase() + id.slice(1),
      address,
      cloudEventType: cloudEventType(subject),
      stream: streamStoring(address),
      roles,
      payload: payloadJsonSchema(subject, descriptions),
      envelope: envelopeJsonSchema(subject),
    };
  });
}

/** Returns the JSON Schema of a subject's payload, as committed under `libs/contracts/schemas`. */
export function payloadJsonSchema(subject: Subject, descriptions: SchemaDescriptions = contractDescriptions()): JsonSchema {
  return zodToJsonSchema(EVENT_DATA_SCHEMAS[subject], descriptions);
}

function envelopeJsonSchema(subject: Subject): JsonSchema {
  const envelope = zodToJsonSchema(cloudEventEnvelopeSchema(subject));
  delete envelope.$schema;
  const { data: _data, ...attributes } = envelope.properties ?? {};
  return { ...envelope, properties: attributes, required: (envelope.required ?? []).filter((name) => name !== 'data') };
}

/** Returns `V1` for a subject ending in `.v1`, and raises for a subject without a version token. */
function versionSuffix(subject: string): string {
  const version = subject.split('.').at(-1) ?? '';
  if (!/^v\d+$/.test(version)) {
    throw new Error(`Subject ${subject} does not end in a version token such as .v1`);
  }
  return version.toUpperCase();
}
