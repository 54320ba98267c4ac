import * as contracts from '@lookout/contracts';
import { z } from 'zod';

import { CONTRACTS_SOURCE_DIR } from './catalogue-paths.js';
import { readSourceDocs, type ObjectDocs, type SourceDocs } from './source-docs.js';
import type { SchemaDescriptions } from './zod-json-schema.js';

/**
 * Maps each exported zod schema of `@lookout/contracts`, and each property of its objects, to the
 * JSDoc comment written above it in the contract sources. Fields without a comment get no description.
 */
export function contractDescriptions(docs: SourceDocs = readSourceDocs(CONTRACTS_SOURCE_DIR)): SchemaDescriptions {
  const descriptions = new Map<z.ZodType, string>();
  for (const [name, value] of Object.entries(contracts)) {
    const constant = docs.get(name);
    if (value instanceof z.ZodType && constant !== undefined) {
      describeSchema(value, constant, descriptions);
    }
  }
  return descriptions;
}

function describeSchema(schema: z.ZodType, docs: ObjectDocs, descriptions: Map<z.ZodType, string>): void {
  if (docs.doc !== undefined) {
    descriptions.set(schema, docs.doc);
  }
  const object = unwrapObject(schema);
  if (object === undefined) {
    return;
  }
  for (const [key, propertyDocs] of docs.properties) {
    const property = object.shape[key];
    if (property instanceof z.ZodType) {
      describeSchema(property, propertyDocs, descriptions);
    }
  }
}

function unwrapObject(schema: z.ZodType): z.ZodObject | undefined {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
    current = current.unwrap() as z.ZodType;
  }
  return current instanceof z.ZodObject ? current : undefined;
}
