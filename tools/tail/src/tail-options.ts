import { parseArgs } from 'node:util';

import { InvalidTailArgumentError, parseSince } from './parse-since.js';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

export const USAGE = `Usage: npm run tail -- [options]

Prints Lookout detection events (detections.found.v1, one per label found in an image) as they
arrive, one line each: time, image id, label, score, model and stream sequence.

Options:
  --label <label>       Print only this label. Repeat the option for several labels.
  --min-score <score>   Print only found events whose best score is at least this value (0 to 1).
  --since <when>        Start from a point in the past: a duration back from now (30s, 10m, 2h, 1d)
                        or an ISO 8601 time (2026-12-04T10:00:00Z).
  --from-seq <n>        Start from this sequence of the DETECTIONS stream.
  --all-subjects        Also print images.uploaded.v1 and every other detections.* event, such as
                        detections.completed.v1 and detections.failed.v1.
  --json                Print each event as its CloudEvent JSON instead of a readable line.
  --nats <url>          NATS server URL. Default: the NATS_URL variable, else the NATS server of a
                        running \`npm start\` stack (.cache/stack.json), else ${DEFAULT_NATS_URL}.
  -h, --help            Print this help.

Without --since or --from-seq the tail starts with the next event. It leaves no consumer behind:
it reads through an ordered consumer that the server deletes after the tail exits.`;

/** Start position of the tail. */
export type TailStart = { kind: 'live' } | { kind: 'time'; time: Date } | { kind: 'sequence'; sequence: number };

export interface TailOptions {
  help: boolean;
  natsUrl: string;
  /** Labels to print, or an empty list for every label. */
  labels: string[];
  minScore: number | undefined;
  start: TailStart;
  allSubjects: boolean;
  json: boolean;
}

/**
 * Parses the command line. `stackNatsUrl` is the NATS URL a running `npm start` stack recorded, if any.
 * Raises InvalidTailArgumentError with a message meant for the terminal.
 */
export function parseTailArguments(argv: string[], env: NodeJS.ProcessEnv, now: Date, stackNatsUrl?: string): TailOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        label: { type: 'string', multiple: true },
        'min-score': { type: 'string' },
        since: { type: 'string' },
        'from-seq': { type: 'string' },
        'all-subjects': { type: 'boolean' },
        json: { type: 'boolean' },
        nats: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new InvalidTailArgumentError((error as Error).message);
  }

  const labels = values.label ?? [];
  if (labels.some((label) => label.trim() === '')) {
    throw new InvalidTailArgumentError('Invalid --label: expected a label such as person or "traffic light"');
  }
  return {
    help: values.help === true,
    natsUrl: values.nats ?? env.NATS_URL ?? stackNatsUrl ?? DEFAULT_NATS_URL,
    labels,
    minScore: parseMinScore(values['min-score']),
    start: parseStart(values.since, values['from-seq'], values['all-subjects'] === true, now),
    allSubjects: values['all-subjects'] === true,
    json: values.json === true,
  };
}

function parseMinScore(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 1) {
    throw new InvalidTailArgumentError(`Invalid --min-score ${JSON.stringify(value)}: expected a number from 0 to 1, such as 0.5`);
  }
  return score;
}

function parseStart(since: string | undefined, fromSeq: string | undefined, allSubjects: boolean, now: Date): TailStart {
  if (since !== undefined && fromSeq !== undefined) {
    throw new InvalidTailArgumentError('--since and --from-seq both set a start position, so use only one of them');
  }
  if (since !== undefined) {
    return { kind: 'time', time: parseSince(since, now) };
  }
  if (fromSeq === undefined) {
    return { kind: 'live' };
  }
  if (allSubjects) {
    // Sequences count per stream, and --all-subjects reads IMAGES as well as DETECTIONS.
    throw new InvalidTailArgumentError('--from-seq counts DETECTIONS stream sequences, so it cannot be combined with --all-subjects. Use --since instead');
  }
  const sequence = Number(fromSeq);
  if (!/^\d+$/.test(fromSeq) || sequence < 1) {
    throw new InvalidTailArgumentError(`Invalid --from-seq ${JSON.stringify(fromSeq)}: expected a stream sequence of at least 1`);
  }
  return { kind: 'sequence', sequence };
}
