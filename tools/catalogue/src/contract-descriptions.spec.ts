import { describe, expect, it } from '@jest/globals';

import { buildSubjectEntries } from './catalogue.js';
import { CONTRACTS_SOURCE_DIR } from './catalogue-paths.js';
import { contractDescriptions } from './contract-descriptions.js';
import type { JsonSchema } from './json-schema.js';
import { readSourceDocs, type ObjectDocs } from './source-docs.js';

const docs = readSourceDocs(CONTRACTS_SOURCE_DIR);
const entries = buildSubjectEntries(contractDescriptions(docs));

function collectDocTexts(objectDocs: Iterable<ObjectDocs>, texts: Set<string>): Set<string> {
  for (const item of objectDocs) {
    if (item.doc !== undefined) {
      texts.add(item.doc);
    }
    collectDocTexts(item.properties.values(), texts);
  }
  return texts;
}

function collectDescriptions(schema: JsonSchema, path: string, found: Map<string, string>): Map<string, string> {
  if (schema.description !== undefined) {
    found.set(path, schema.description);
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    collectDescriptions(property, path === '' ? name : `${path}.${name}`, found);
  }
  if (schema.items !== undefined) {
    collectDescriptions(schema.items, `${path}[]`, found);
  }
  for (const member of schema.anyOf ?? []) {
    collectDescriptions(member, path, found);
  }
  return found;
}

function payloadDescriptions(subject: string): Map<string, string> {
  const entry = entries.find((candidate) => candidate.subject === subject);
  return collectDescriptions(entry?.payload ?? {}, '', new Map());
}

describe('payload descriptions', () => {
  it('come only from comments in the contracts', () => {
    const written = collectDocTexts(docs.values(), new Set());

    for (const entry of entries) {
      for (const [path, description] of collectDescriptions(entry.payload, '', new Map())) {
        expect({ subject: entry.subject, path, fromContracts: written.has(description) }).toEqual({ subject: entry.subject, path, fromContracts: true });
      }
    }
  });

  it('carry the comment on a property', () => {
    expect(payloadDescriptions('images.uploaded.v1').get('pages')).toBe('Frames in an animated GIF or WebP; detection runs on the first.');
    expect(payloadDescriptions('images.uploaded.v1').get('options.minScore')).toBe('Boxes scoring below this are dropped before NMS.');
  });

  it('carry the comment on a referenced constant', () => {
    expect(payloadDescriptions('detections.failed.v1').get('reason')).toBe('Reason codes of a detection job that ended without a result.');
    expect(payloadDescriptions('detections.completed.v1').get('detections[].box')).toMatch(/^Axis-aligned box in pixels/);
  });

  it('carry the comment on the payload schema', () => {
    expect(payloadDescriptions('detections.found.v1').get('')).toMatch(/^One label found in an image/);
  });

  it('leave fields without a comment undescribed', () => {
    expect(payloadDescriptions('images.uploaded.v1').has('imageId')).toBe(false);
    expect(payloadDescriptions('detections.completed.v1').has('timings.totalMs')).toBe(false);
  });
});
