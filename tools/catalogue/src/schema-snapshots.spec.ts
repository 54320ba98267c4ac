import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SUBJECTS } from '@lookout/contracts';

import { buildSubjectEntries } from './catalogue.js';
import { contractDescriptions } from './contract-descriptions.js';
import type { JsonSchema } from './json-schema.js';
import { incompatibleChangeMessage } from './schema-compatibility.js';
import { readSnapshot, snapshotStatus, writeSnapshot } from './schema-snapshots.js';

const entries = buildSubjectEntries(contractDescriptions());
const scratch = mkdtempSync(join(tmpdir(), 'catalogue-snapshots-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('schema snapshots', () => {
  it.each(Object.values(SUBJECTS))('keep %s compatible', (subject) => {
    const entry = entries.find((candidate) => candidate.subject === subject);
    const status = snapshotStatus(subject, entry?.payload ?? {}, readSnapshot(subject));

    if (status.state === 'breaking') {
      throw new Error(incompatibleChangeMessage(subject, status.changes));
    }
    if (status.state === 'missing') {
      throw new Error(`${subject} has no schema snapshot: run \`npm run catalogue -- --snapshot\` and commit it`);
    }
    expect(status.state).toBe('unchanged');
  });

  it('tracks a subject from new to changed', () => {
    const first: JsonSchema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const additive: JsonSchema = { ...first, properties: { a: { type: 'string' }, b: { type: 'number' } } };
    const breaking: JsonSchema = { ...first, properties: { a: { type: 'number' } } };

    expect(snapshotStatus('things.made.v1', first, readSnapshot('things.made.v1', scratch)).state).toBe('missing');

    writeSnapshot('things.made.v1', first, scratch);
    const snapshot = readSnapshot('things.made.v1', scratch);

    expect(snapshotStatus('things.made.v1', first, snapshot).state).toBe('unchanged');
    expect(snapshotStatus('things.made.v1', additive, snapshot).state).toBe('compatible');
    expect(snapshotStatus('things.made.v1', breaking, snapshot)).toMatchObject({ state: 'breaking', changes: [{ rule: 'type-changed', path: 'a' }] });
  });
});
