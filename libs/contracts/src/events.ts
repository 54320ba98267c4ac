import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  detectionsCompletedV1Schema,
  detectionsFailedV1Schema,
  detectionsStartedV1Schema,
  detectionFoundV1Schema,
  imageUploadedV1Schema,
  type DetectionFoundV1,
  type DetectionsCompletedV1,
  type DetectionsFailedV1,
  type DetectionsStartedV1,
  type ImageUploadedV1,
} from './payloads.js';
import { SUBJECTS, type Subject } from './subjects.js';

/** Payload type carried by each subject. */
export interface EventDataMap {
  [SUBJECTS.imageUploaded]: ImageUploadedV1;
  [SUBJECTS.detectionsStarted]: DetectionsStartedV1;
  [SUBJECTS.detectionsCompleted]: DetectionsCompletedV1;
  [SUBJECTS.detectionsFailed]: DetectionsFailedV1;
  [SUBJECTS.detectionFound]: DetectionFoundV1;
}

export type EventData<S extends Subject> = EventDataMap[S];

const DATA_SCHEMAS: { [S in Subject]: z.ZodType<EventDataMap[S]> } = {
  [SUBJECTS.imageUploaded]: imageUploadedV1Schema,
  [SUBJECTS.detectionsStarted]: detectionsStartedV1Schema,
  [SUBJECTS.detectionsCompleted]: detectionsCompletedV1Schema,
  [SUBJECTS.detectionsFailed]: detectionsFailedV1Schema,
  [SUBJECTS.detectionFound]: detectionFoundV1Schema,
};

/** Runtime schema of each subject's payload, for catalogues and JSON Schema generation. */
export const EVENT_DATA_SCHEMAS: { readonly [S in Subject]: z.ZodType<EventDataMap[S]> } = DATA_SCHEMAS;

/** CloudEvents `type` attribute for a subject, in reverse-DNS form. */
export function cloudEventType(subject: Subject): string {
  return `io.lookout.${subject}`;
}

/** CloudEvents 1.0 attributes shared by every event (structured JSON mode). */
const envelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
});

export interface CloudEvent<T> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
}

export interface CreateEventOptions<S extends Subject> {
  /** Producer URI, for example `/lookout/ingest`. */
  source: string;
  /** The resource the event is about: an image id. */
  subject: string;
  data: EventData<S>;
  id?: string;
  time?: Date;
}

/** Raised when bytes on a subject do not match its contract. */
export class InvalidEventError extends Error {
  readonly code = 'invalid_event';

  constructor(
    readonly eventSubject: string,
    readonly problems: string[],
  ) {
    super(`Invalid ${eventSubject} event: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/** Builds a CloudEvent for a subject, validating the payload against its schema. */
export function createEvent<S extends Subject>(subject: S, options: CreateEventOptions<S>): CloudEvent<EventData<S>> {
  const data = validateData(subject, options.data);
  return {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    source: options.source,
    type: cloudEventType(subject),
    subject: options.subject,
    time: (options.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data,
  };
}

/** Validates an already-decoded JSON value as an event of the given subject. */
export function parseEvent<S extends Subject>(subject: S, value: unknown): CloudEvent<EventData<S>> {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    throw new InvalidEventError(subject, describeIssues(envelope.error));
  }
  if (envelope.data.type !== cloudEventType(subject)) {
    throw new InvalidEventError(subject, [`type is ${envelope.data.type}, expected ${cloudEventType(subject)}`]);
  }
  return { ...envelope.data, data: validateData(subject, envelope.data.data) } as CloudEvent<EventData<S>>;
}

export function encodeEvent(event: CloudEvent<unknown>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(event));
}

/** Decodes message bytes and validates them against the subject's contract. */
export function decodeEvent<S extends Subject>(subject: S, bytes: Uint8Array): CloudEvent<EventData<S>> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new InvalidEventError(subject, ['message body is not JSON']);
  }
  return parseEvent(subject, value);
}

export function isSubject(value: string): value is Subject {
  return Object.prototype.hasOwnProperty.call(DATA_SCHEMAS, value);
}

function validateData<S extends Subject>(subject: S, data: unknown): EventData<S> {
  const result = DATA_SCHEMAS[subject].safeParse(data);
  if (!result.success) {
    throw new InvalidEventError(subject, describeIssues(result.error));
  }
  return result.data;
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
