import type { JsonSchema } from './json-schema.js';

/** Returns a short reading of a schema's type and constraints, such as `integer > 0` or `string (uuid)`. */
export function schemaTypeText(schema: JsonSchema): string {
  const members = schema.anyOf ?? schema.oneOf;
  if (members !== undefined) {
    return members.map(schemaTypeText).join(' or ');
  }
  if (schema.const !== undefined) {
    return `\`${JSON.stringify(schema.const)}\``;
  }
  if (schema.enum !== undefined) {
    return `one of ${schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(', ')}`;
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) {
    return 'any JSON value';
  }
  return types.map((type) => singleTypeText(type, schema)).join(' or ');
}

function singleTypeText(type: string, schema: JsonSchema): string {
  switch (type) {
    case 'string': {
      const format = schema.format === undefined ? 'string' : `string (${schema.format})`;
      const length = rangeText(schema.minLength, schema.maxLength, 'character');
      return length === undefined ? format : `${format}, ${length}`;
    }
    case 'integer':
    case 'number':
      return numberText(type, schema);
    case 'array': {
      const items = schema.items === undefined ? 'array' : `array of ${schemaTypeText(schema.items)}`;
      const count = rangeText(schema.minItems, schema.maxItems, 'item');
      return count === undefined ? items : `${items}, ${count}`;
    }
    default:
      return type;
  }
}

function numberText(type: 'integer' | 'number', schema: JsonSchema): string {
  // zod bounds every integer by MAX_SAFE_INTEGER, which gives a reader no information about the field.
  const maximum = type === 'integer' && schema.maximum === Number.MAX_SAFE_INTEGER ? undefined : schema.maximum;
  if (schema.minimum !== undefined && maximum !== undefined) {
    return `${type}, ${schema.minimum} to ${maximum}`;
  }
  const bounds = [
    schema.minimum === undefined ? undefined : `≥ ${schema.minimum}`,
    schema.exclusiveMinimum === undefined ? undefined : `> ${schema.exclusiveMinimum}`,
    maximum === undefined ? undefined : `≤ ${maximum}`,
    schema.exclusiveMaximum === undefined ? undefined : `< ${schema.exclusiveMaximum}`,
  ].filter((bound) => bound !== undefined);
  return bounds.length === 0 ? type : `${type} ${bounds.join(', ')}`;
}

function rangeText(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  const plural = (count: number) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (min !== undefined && max !== undefined) {
    return min === max ? `exactly ${plural(min)}` : `${min} to ${plural(max)}`;
  }
  if (min !== undefined) {
    return `at least ${plural(min)}`;
  }
  return max === undefined ? undefined : `at most ${plural(max)}`;
}
