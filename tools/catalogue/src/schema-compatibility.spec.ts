import { describe, expect, it } from '@jest/globals';

import type { JsonSchema } from './json-schema.js';
import { BREAKING_RULES, findBreakingChanges, incompatibleChangeMessage, nextSubjectVersion, type BreakingRule } from './schema-compatibility.js';

const base: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    score: { type: 'number', minimum: 0, maximum: 1 },
    count: { type: 'integer', exclusiveMinimum: 0 },
    reason: { type: 'string', enum: ['a', 'b'] },
    note: { type: 'string', maxLength: 100 },
    version: { const: '1.0' },
    tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
    classes: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] },
    box: { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] },
    strict: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
  },
  required: ['id', 'score', 'count', 'reason', 'version', 'tags', 'box'],
};

/** Returns a copy of the base schema changed by `edit`. */
function changed(edit: (schema: Required<Pick<JsonSchema, 'properties' | 'required'>> & JsonSchema) => void): JsonSchema {
  const copy = structuredClone(base) as Required<Pick<JsonSchema, 'properties' | 'required'>> & JsonSchema;
  edit(copy);
  return copy;
}

function property(schema: JsonSchema, name: string): JsonSchema {
  const found = schema.properties?.[name];
  if (found === undefined) {
    throw new Error(`test schema has no property ${name}`);
  }
  return found;
}

const breakingCases: Array<{ name: string; rule: BreakingRule; path: string; edit: Parameters<typeof changed>[0] }> = [
  { name: 'optional property removed', rule: 'property-removed', path: 'note', edit: (s) => delete s.properties.note },
  { name: 'required property removed', rule: 'property-removed', path: 'count', edit: (s) => delete s.properties.count },
  { name: 'optional property made required', rule: 'property-now-required', path: 'note', edit: (s) => s.required.push('note') },
  {
    name: 'new required property',
    rule: 'property-now-required',
    path: 'extra',
    edit: (s) => {
      s.properties.extra = { type: 'string' };
      s.required.push('extra');
    },
  },
  {
    name: 'required property made optional',
    rule: 'property-no-longer-required',
    path: 'count',
    edit: (s) => s.required.splice(s.required.indexOf('count'), 1),
  },
  {
    name: 'property added to a closed object',
    rule: 'property-added-to-closed-object',
    path: 'strict.b',
    edit: (s) => (property(s, 'strict').properties = { a: { type: 'string' }, b: { type: 'string' } }),
  },
  { name: 'object closed', rule: 'additional-properties-tightened', path: 'box', edit: (s) => (property(s, 'box').additionalProperties = false) },
  { name: 'root object closed', rule: 'additional-properties-tightened', path: '', edit: (s) => (s.additionalProperties = false) },
  { name: 'object opened', rule: 'additional-properties-loosened', path: 'strict', edit: (s) => delete property(s, 'strict').additionalProperties },
  { name: 'number narrowed to integer', rule: 'type-changed', path: 'score', edit: (s) => (property(s, 'score').type = 'integer') },
  { name: 'integer widened to number', rule: 'type-changed', path: 'count', edit: (s) => (property(s, 'count').type = 'number') },
  { name: 'null allowed', rule: 'type-changed', path: 'note', edit: (s) => (property(s, 'note').type = ['string', 'null']) },
  { name: 'nested type changed', rule: 'type-changed', path: 'box.x', edit: (s) => (property(property(s, 'box'), 'x').type = 'string') },
  { name: 'array item type changed', rule: 'type-changed', path: 'tags[]', edit: (s) => ((property(s, 'tags').items as JsonSchema).type = 'integer') },
  { name: 'enum value removed', rule: 'enum-values-removed', path: 'reason', edit: (s) => (property(s, 'reason').enum = ['a']) },
  { name: 'enum added to a free string', rule: 'enum-values-removed', path: 'note', edit: (s) => (property(s, 'note').enum = ['x']) },
  { name: 'enum value added', rule: 'enum-values-added', path: 'reason', edit: (s) => (property(s, 'reason').enum = ['a', 'b', 'c']) },
  { name: 'constant changed', rule: 'const-changed', path: 'version', edit: (s) => (property(s, 'version').const = '2.0') },
  { name: 'string format added', rule: 'format-changed', path: 'note', edit: (s) => (property(s, 'note').format = 'email') },
  { name: 'string format removed', rule: 'format-changed', path: 'id', edit: (s) => delete property(s, 'id').format },
  { name: 'pattern added', rule: 'format-changed', path: 'note', edit: (s) => (property(s, 'note').pattern = '^[a-z]+$') },
  { name: 'minimum raised', rule: 'bound-tightened', path: 'score', edit: (s) => (property(s, 'score').minimum = 0.5) },
  { name: 'maximum lowered', rule: 'bound-tightened', path: 'score', edit: (s) => (property(s, 'score').maximum = 0.9) },
  { name: 'maximum added', rule: 'bound-tightened', path: 'count', edit: (s) => (property(s, 'count').maximum = 10) },
  { name: 'maxLength lowered', rule: 'bound-tightened', path: 'note', edit: (s) => (property(s, 'note').maxLength = 50) },
  { name: 'minItems raised', rule: 'bound-tightened', path: 'tags', edit: (s) => (property(s, 'tags').minItems = 2) },
  { name: 'maximum raised', rule: 'bound-loosened', path: 'score', edit: (s) => (property(s, 'score').maximum = 2) },
  { name: 'maxLength removed', rule: 'bound-loosened', path: 'note', edit: (s) => delete property(s, 'note').maxLength },
  { name: 'nullable removed', rule: 'union-changed', path: 'classes', edit: (s) => (s.properties.classes = { anyOf: [{ type: 'array', items: { type: 'string' } }] }) },
  { name: 'other keyword added', rule: 'keyword-changed', path: 'count', edit: (s) => (property(s, 'count').multipleOf = 2) },
];

describe('findBreakingChanges', () => {
  it.each(breakingCases)('reports $name', ({ rule, path, edit }) => {
    const changes = findBreakingChanges(base, changed(edit));

    expect(changes.map((change) => ({ rule: change.rule, path: change.path }))).toContainEqual({ rule, path });
  });

  it('has a case for every rule', () => {
    const tested = new Set(breakingCases.map((testCase) => testCase.rule));

    expect(BREAKING_RULES.map((rule) => rule.id).filter((rule) => !tested.has(rule))).toEqual([]);
  });

  it('accepts an identical schema', () => {
    expect(findBreakingChanges(base, structuredClone(base))).toEqual([]);
  });

  it('accepts a new optional property', () => {
    const current = changed((s) => (s.properties.extra = { type: 'string', description: 'Added later.' }));

    expect(findBreakingChanges(base, current)).toEqual([]);
  });

  it('accepts a new optional nested property', () => {
    const current = changed((s) => (property(s, 'box').properties = { x: { type: 'number' }, y: { type: 'number' } }));

    expect(findBreakingChanges(base, current)).toEqual([]);
  });

  it('accepts changed descriptions and titles', () => {
    const current = changed((s) => {
      s.description = 'The payload.';
      s.title = 'Payload';
      property(s, 'score').description = 'Confidence.';
    });

    expect(findBreakingChanges(base, current)).toEqual([]);
  });
});

describe('incompatibleChangeMessage', () => {
  it('names the change and the next version', () => {
    const changes = findBreakingChanges(
      base,
      changed((s) => delete s.properties.note),
    );

    expect(incompatibleChangeMessage('images.uploaded.v1', changes)).toBe(
      'images.uploaded.v1 changed incompatibly (property note removed): publish it as images.uploaded.v2 instead',
    );
  });

  it('raises the version of a subject with a further token', () => {
    expect(nextSubjectVersion('detections.found.v9')).toBe('detections.found.v10');
  });

  it('rejects a subject without a version', () => {
    expect(() => nextSubjectVersion('detections.found')).toThrow('does not end in a version token');
  });
});
