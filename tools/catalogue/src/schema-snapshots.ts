import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SCHEMA_SNAPSHOTS_DIR } from './catalogue-paths.js';
import type { JsonSchema } from './json-schema.js';
import { findBreakingChanges, type BreakingChange } from './schema-compatibility.js';

/** State of a subject's current payload schema compared with its committed snapshot. */
export type SnapshotStatus =
  | { subject: string; state: 'missing' }
  | { subject: string; state: 'unchanged' }
  | { subject: string; state: 'compatible' }
  | { subject: string; state: 'breaking'; changes: BreakingChange[] };

export function snapshotPath(subject: string, dir: string = SCHEMA_SNAPSHOTS_DIR): string {
  return join(dir, `${subject}.json`);
}

/** Returns the committed schema of a subject, or undefined when it has none yet. */
export function readSnapshot(subject: string, dir: string = SCHEMA_SNAPSHOTS_DIR): JsonSchema | undefined {
  const path = snapshotPath(subject, dir);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as JsonSchema) : undefined;
}

/** Writes a subject's snapshot as formatted JSON. */
export function writeSnapshot(subject: string, schema: JsonSchema, dir: string = SCHEMA_SNAPSHOTS_DIR): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(snapshotPath(subject, dir), snapshotText(schema));
}

export function snapshotText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Compares a subject's current schema with its snapshot. */
export function snapshotStatus(subject: string, current: JsonSchema, snapshot: JsonSchema | undefined): SnapshotStatus {
  if (snapshot === undefined) {
    return { subject, state: 'missing' };
  }
  if (snapshotText(snapshot) === snapshotText(current)) {
    return { subject, state: 'unchanged' };
  }
  const changes = findBreakingChanges(snapshot, current);
  return changes.length === 0 ? { subject, state: 'compatible' } : { subject, state: 'breaking', changes };
}
