import { z } from 'zod';

import type { JsonSchema } from './json-schema.js';

/** Descriptions to attach to zod schemas that carry no `.describe()` of their own. */
export type SchemaDescriptions = ReadonlyMap<z.core.$ZodType, string>;

/**
 * Converts a zod schema to JSON Schema draft-07, the dialect AsyncAPI 3.0 accepts.
 * It converts the input side, because that is what a subscriber's parse accepts. A plain
 * `z.object` then allows unknown properties, which is why adding an optional field does not break
 * existing subscribers.
 */
export function zodToJsonSchema(schema: z.ZodType, descriptions: SchemaDescriptions = new Map()): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      const description = descriptions.get(zodSchema);
      if (description !== undefined && jsonSchema.description === undefined) {
        jsonSchema.description = description;
      }
    },
  });
  // zod returns one shared object for a sub-schema used in several places; copying detaches them.
  return JSON.parse(JSON.stringify(json)) as JsonSchema;
}
