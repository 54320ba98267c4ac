import { parseArgs } from 'node:util';

import { buildCatalogue, type Catalogue } from './catalogue.js';
import { generateDocuments, repoRelative, staleDocuments, writeDocuments } from './generated-documents.js';
import { incompatibleChangeMessage } from './schema-compatibility.js';
import { readSnapshot, snapshotPath, snapshotStatus, writeSnapshot, type SnapshotStatus } from './schema-snapshots.js';

const USAGE = `Usage: npm run catalogue [-- OPTIONS]

Generates docs/asyncapi.yaml and docs/events.md from @lookout/contracts and @lookout/messaging,
after checking every subject's payload against its snapshot in libs/contracts/schemas.
It reads the built libraries, so run \`npm run build:libs\` after changing them.

Options:
  --check              write nothing; exit 1 when a generated file or a snapshot is out of date
                       or a subject changed incompatibly
  --snapshot           write the snapshot of each subject that has none
  --accept-compatible  with --snapshot, also refresh snapshots whose subject changed compatibly
  --help               print this text`;

const OPTIONS = {
  check: { type: 'boolean', default: false },
  snapshot: { type: 'boolean', default: false },
  'accept-compatible': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

function main(): number {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values['accept-compatible'] && !values.snapshot) {
    console.error('--accept-compatible only applies together with --snapshot');
    return 2;
  }
  if (values.check && values.snapshot) {
    console.error('--check writes nothing, so it cannot be combined with --snapshot');
    return 2;
  }

  const catalogue = buildCatalogue();
  const statuses = catalogue.subjects.map((entry) => snapshotStatus(entry.subject, entry.payload, readSnapshot(entry.subject)));
  const breaking = statuses.filter((status) => status.state === 'breaking');
  for (const status of breaking) {
    console.error(incompatibleChangeMessage(status.subject, status.changes));
  }
  if (breaking.length > 0) {
    return 1;
  }

  if (values.check) {
    return check(catalogue, statuses);
  }
  if (values.snapshot) {
    return snapshot(catalogue, statuses, values['accept-compatible']);
  }
  return generate(catalogue, statuses);
}

function generate(catalogue: Catalogue, statuses: readonly SnapshotStatus[]): number {
  const written = writeDocuments(generateDocuments(catalogue));
  for (const document of written) {
    console.log(`wrote ${repoRelative(document.path)}`);
  }
  if (written.length === 0) {
    console.log('docs/asyncapi.yaml and docs/events.md are up to date');
  }
  for (const hint of snapshotHints(statuses)) {
    console.warn(hint);
  }
  return 0;
}

function check(catalogue: Catalogue, statuses: readonly SnapshotStatus[]): number {
  const problems = [
    ...staleDocuments(generateDocuments(catalogue)).map(
      (document) => `${repoRelative(document.path)} differs from what the contracts generate: run \`npm run catalogue\` and commit it`,
    ),
    ...snapshotHints(statuses),
  ];
  for (const problem of problems) {
    console.error(problem);
  }
  if (problems.length === 0) {
    console.log('the event catalogue and the schema snapshots match the contracts');
  }
  return problems.length === 0 ? 0 : 1;
}

function snapshot(catalogue: Catalogue, statuses: readonly SnapshotStatus[], acceptCompatible: boolean): number {
  if (statuses.every((status) => status.state === 'unchanged')) {
    console.log('every schema snapshot matches the contracts');
    return 0;
  }
  let rejected = 0;
  for (const status of statuses) {
    const entry = catalogue.subjects.find((candidate) => candidate.subject === status.subject);
    if (entry === undefined || status.state === 'unchanged') {
      continue;
    }
    if (status.state === 'compatible' && !acceptCompatible) {
      console.error(`${status.subject} changed compatibly: rerun with --snapshot --accept-compatible to refresh its snapshot`);
      rejected += 1;
      continue;
    }
    writeSnapshot(status.subject, entry.payload);
    console.log(`wrote ${repoRelative(snapshotPath(status.subject))}`);
  }
  return rejected === 0 ? 0 : 1;
}

/** Returns one line for each snapshot that is missing or older than a compatible change. */
function snapshotHints(statuses: readonly SnapshotStatus[]): string[] {
  return statuses.flatMap((status) => {
    if (status.state === 'missing') {
      return [`${status.subject} has no schema snapshot: run \`npm run catalogue -- --snapshot\` and commit it`];
    }
    if (status.state === 'compatible') {
      return [
        `${status.subject} changed compatibly since its snapshot: run \`npm run catalogue -- --snapshot --accept-compatible\` and commit it`,
      ];
    }
    return [];
  });
}

process.exitCode = main();
