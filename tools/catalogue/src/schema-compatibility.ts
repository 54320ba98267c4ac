import type { JsonSchema } from './json-schema.js';

/** Kinds of change that break a subscriber, so that the payload needs a new subject version. */
export const BREAKING_RULES = [
  { id: 'property-removed', summary: 'Removing a property.' },
  {
    id: 'property-now-required',
    summary: 'Making an optional property required, or adding a required property, because older messages lack it.',
  },
  {
    id: 'property-no-longer-required',
    summary: 'Making a required property optional, because existing subscribers reject messages without it.',
  },
  {
    id: 'property-added-to-closed-object',
    summary: 'Adding a property to an object that rejects unknown properties (`additionalProperties: false`, a `z.strictObject`).',
  },
  { id: 'additional-properties-tightened', summary: 'Making an object reject unknown properties that it accepted before.' },
  { id: 'additional-properties-loosened', summary: 'Making an object accept unknown properties that it rejected before.' },
  {
    id: 'type-changed',
    summary: 'Changing a type in either direction: `number` to `integer` narrows it, `integer` to `number` or adding `null` widens it.',
  },
  { id: 'enum-values-removed', summary: 'Removing an enum value, because older messages still carry it.' },
  { id: 'enum-values-added', summary: 'Adding an enum value, because existing subscribers reject it.' },
  { id: 'const-changed', summary: 'Changing a constant value.' },
  { id: 'format-changed', summary: 'Adding, removing or changing a string `format` or `pattern`.' },
  {
    id: 'bound-tightened',
    summary: 'Tightening or adding a minimum, maximum, length or item-count bound, because older messages may break it.',
  },
  {
    id: 'bound-loosened',
    summary: 'Loosening or removing such a bound, because existing subscribers reject the values it newly allows.',
  },
  { id: 'union-changed', summary: 'Changing the members of a union (`anyOf`, `oneOf`), including a nullable value.' },
  { id: 'keyword-changed', summary: 'Changing any other validation keyword, which the checker does not classify.' },
] as const;

export type BreakingRule = (typeof BREAKING_RULES)[number]['id'];

/** Changes that keep a subject's payload compatible, so that the subject keeps its version. */
export const COMPATIBLE_CHANGES = [
  'Adding an optional property to an object that accepts unknown properties, as every `z.object` does.',
  'Changing a `description` or `title`.',
] as const;

/** One breaking difference between a subject's committed schema and its current one. */
export interface BreakingChange {
  rule: BreakingRule;
  /** Location in the payload, such as `options.minScore` or `detections[].box`; empty for the root. */
  path: string;
  detail: string;
}

/** Keywords that only annotate a schema, so that changing them cannot break a subscriber. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'examples', '$comment']);

/** Lower bounds, which tighten as they grow, and upper bounds, which tighten as they shrink. */
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

/** Keywords that `compareSchemas` compares by their meaning; any other keyword is compared as a whole. */
const CLASSIFIED = new Set<string>([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  'enum',
  'const',
  'format',
  'pattern',
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
]);

/**
 * Lists the changes from `previous` to `current` that break a subscriber. A consumer reads both
 * messages published before the change, which a stream keeps for its retention time, and messages
 * from producers built after it. So a change breaks when either schema accepts a message the
 * other rejects, unless it only adds an optional property that existing subscribers ignore.
 * NOTE: the comparison is structural, so a rewrite that accepts the same messages in another way
 * (an integer `exclusiveMinimum: 0` becoming `minimum: 1`) is reported as breaking too.
 */
export function findBreakingChanges(previous: JsonSchema, current: JsonSchema): BreakingChange[] {
  const changes: BreakingChange[] = [];
  compareSchemas(previous, current, '', changes);
  return changes;
}

/** Returns the subject with its version token raised by one: `images.uploaded.v2` for `images.uploaded.v1`. */
export function nextSubjectVersion(subject: string): string {
  const match = /^(.*\.v)(\d+)$/.exec(subject);
  if (match === null) {
    throw new Error(`Subject ${subject} does not end in a version token such as .v1`);
  }
  return `${match[1]}${Number(match[2]) + 1}`;
}

/** Returns the error message for a subject whose payload changed incompatibly. */
export function incompatibleChangeMessage(subject: string, changes: readonly BreakingChange[]): string {
  const details = changes.map((change) => change.detail).join('; ');
  return `${subject} changed incompatibly (${details}): publish it as ${nextSubjectVersion(subject)} instead`;
}

function compareSchemas(previous: JsonSchema, current: JsonSchema, path: string, changes: BreakingChange[]): void {
  const where = path === '' ? 'the payload' : path;
  const report = (rule: BreakingRule, detail: string) => changes.push({ rule, path, detail });

  compareTypes(previous, current, where, report);
  compareObjects(previous, current, path, changes);
  compareEnums(previous, current, where, report);
  compareBounds(previous, current, where, report);

  if (!sameJson(previous.const, current.const)) {
    report('const-changed', `${where} constant changed from ${describeValue(previous.const)} to ${describeValue(current.const)}`);
  }
  for (const keyword of ['format', 'pattern'] as const) {
    if (previous[keyword] !== current[keyword]) {
      report('format-changed', `${where} ${keyword} changed from ${describeValue(previous[keyword])} to ${describeValue(current[keyword])}`);
    }
  }

  if (previous.items !== undefined && current.items !== undefined) {
    compareSchemas(previous.items, current.items, `${path}[]`, changes);
  } else if (previous.items !== undefined || current.items !== undefined) {
    report('keyword-changed', `${where} items ${previous.items === undefined ? 'added' : 'removed'}`);
  }

  for (const keyword of ['anyOf', 'oneOf'] as const) {
    compareUnions(previous[keyword], current[keyword], keyword, path, changes);
  }

  for (const keyword of new Set([...Object.keys(previous), ...Object.keys(current)])) {
    if (!CLASSIFIED.has(keyword) && !ANNOTATIONS.has(keyword) && !sameJson(previous[keyword], current[keyword])) {
      report('keyword-changed', `${where} ${keyword} changed from ${describeValue(previous[keyword])} to ${describeValue(current[keyword])}`);
    }
  }
}

function compareTypes(previous: JsonSchema, current: JsonSchema, where: string, report: (rule: BreakingRule, detail: string) => void): void {
  const before = typeList(previous);
  const after = typeList(current);
  if (sameJson([...before].sort(), [...after].sort())) {
    return;
  }
  const beforeText = before.length === 0 ? 'any' : before.join(' or ');
  const afterText = after.length === 0 ? 'any' : after.join(' or ');
  report('type-changed', `${where} type changed from ${beforeText} to ${afterText}`);
}

function compareObjects(previous: JsonSchema, current: JsonSchema, path: string, changes: BreakingChange[]): void {
  const where = path === '' ? 'the payload' : path;
  const before = previous.properties ?? {};
  const after = current.properties ?? {};
  const requiredBefore = new Set(previous.required ?? []);
  const requiredAfter = new Set(current.required ?? []);
  const closedBefore = previous.additionalProperties === false;

  for (const name of Object.keys(before)) {
    const propertyPath = path === '' ? name : `${path}.${name}`;
    const propertySchema = after[name];
    if (propertySchema === undefined) {
      changes.push({ rule: 'property-removed', path: propertyPath, detail: `property ${propertyPath} removed` });
      continue;
    }
    if (!requiredBefore.has(name) && requiredAfter.has(name)) {
      changes.push({ rule: 'property-now-required', path: propertyPath, detail: `property ${propertyPath} is now required` });
    }
    if (requiredBefore.has(name) && !requiredAfter.has(name)) {
      changes.push({ rule: 'property-no-longer-required', path: propertyPath, detail: `property ${propertyPath} is no longer required` });
    }
    compareSchemas(before[name] as JsonSchema, propertySchema, propertyPath, changes);
  }

  for (const name of Object.keys(after)) {
    const propertyPath = path === '' ? name : `${path}.${name}`;
    if (name in before) {
      continue;
    }
    if (requiredAfter.has(name)) {
      changes.push({ rule: 'property-now-required', path: propertyPath, detail: `new property ${propertyPath} is required` });
    } else if (closedBefore) {
      changes.push({
        rule: 'property-added-to-closed-object',
        path: propertyPath,
        detail: `property ${propertyPath} added to ${where}, which rejected unknown properties`,
      });
    }
  }

  // Required names without a property schema, such as a bare `required` list, still change what is accepted.
  for (const name of requiredAfter) {
    if (!(name in after) && !requiredBefore.has(name)) {
      changes.push({ rule: 'property-now-required', path: name, detail: `${where} now requires ${name}` });
    }
  }

  compareAdditionalProperties(previous, current, path, changes);
}

function compareAdditionalProperties(previous: JsonSchema, current: JsonSchema, path: string, changes: BreakingChange[]): void {
  const where = path === '' ? 'the payload' : path;
  const before = previous.additionalProperties;
  const after = current.additionalProperties;
  if (isOpen(before) && isOpen(after)) {
    return;
  }
  if (typeof before === 'object' && typeof after === 'object') {
    compareSchemas(before, after, `${path}{*}`, changes);
    return;
  }
  if (sameJson(before, after)) {
    return;
  }
  const tightened = isOpen(before) || after === false;
  changes.push({
    rule: tightened ? 'additional-properties-tightened' : 'additional-properties-loosened',
    path,
    detail: tightened ? `${where} no longer accepts unknown properties it accepted before` : `${where} now accepts unknown properties it rejected before`,
  });
}

function compareEnums(previous: JsonSchema, current: JsonSchema, where: string, report: (rule: BreakingRule, detail: string) => void): void {
  if (previous.enum === undefined && current.enum === undefined) {
    return;
  }
  if (previous.enum === undefined || current.enum === undefined) {
    const rule = previous.enum === undefined ? 'enum-values-removed' : 'enum-values-added';
    report(rule, `${where} ${previous.enum === undefined ? 'now accepts only' : 'no longer limited to'} ${describeValue(previous.enum ?? current.enum)}`);
    return;
  }
  const before = previous.enum.map((value) => JSON.stringify(value));
  const after = current.enum.map((value) => JSON.stringify(value));
  const removed = before.filter((value) => !after.includes(value));
  const added = after.filter((value) => !before.includes(value));
  if (removed.length > 0) {
    report('enum-values-removed', `${where} enum values removed: ${removed.join(', ')}`);
  }
  if (added.length > 0) {
    report('enum-values-added', `${where} enum values added: ${added.join(', ')}`);
  }
}

function compareBounds(previous: JsonSchema, current: JsonSchema, where: string, report: (rule: BreakingRule, detail: string) => void): void {
  const bounds = [...LOWER_BOUNDS.map((keyword) => ({ keyword, lower: true })), ...UPPER_BOUNDS.map((keyword) => ({ keyword, lower: false }))];
  for (const { keyword, lower } of bounds) {
    const before = previous[keyword] as number | undefined;
    const after = current[keyword] as number | undefined;
    if (before === after) {
      continue;
    }
    const stricter = after !== undefined && (before === undefined || (lower ? after > before : after < before));
    let change = `changed from ${before} to ${after}`;
    if (before === undefined) {
      change = `added: ${after}`;
    } else if (after === undefined) {
      change = `removed (was ${before})`;
    }
    report(stricter ? 'bound-tightened' : 'bound-loosened', `${where} ${keyword} ${change}`);
  }
}

function compareUnions(
  previous: JsonSchema[] | undefined,
  current: JsonSchema[] | undefined,
  keyword: 'anyOf' | 'oneOf',
  path: string,
  changes: BreakingChange[],
): void {
  if (previous === undefined && current === undefined) {
    return;
  }
  const where = path === '' ? 'the payload' : path;
  if (previous === undefined || current === undefined || previous.length !== current.length) {
    changes.push({
      rule: 'union-changed',
      path,
      detail: `${where} ${keyword} changed from ${previous?.length ?? 0} to ${current?.length ?? 0} members`,
    });
    return;
  }
  previous.forEach((member, index) => compareSchemas(member, current[index] as JsonSchema, `${path}<${keyword}[${index}]>`, changes));
}

function typeList(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

function isOpen(additional: JsonSchema['additionalProperties']): boolean {
  return additional === undefined || additional === true || (typeof additional === 'object' && Object.keys(additional).length === 0);
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function describeValue(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}
