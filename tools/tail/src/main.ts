import { contractSubject, decodeEvent, labelToken, SUBJECTS } from '@lookout/contracts';
import { JetStreamApiCodes, JetStreamApiError, jetstream, jetstreamManager, type Consumer, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

import { eventLine, type TailedEvent } from './event-line.js';
import { InvalidTailArgumentError } from './parse-since.js';
import { readStackNatsUrl, STACK_FILE } from './stack-file.js';
import { parseTailArguments, USAGE, type TailOptions } from './tail-options.js';
import { tailSources, type TailSource } from './tail-sources.js';

/** Output channels and stop signal of one run of the tail. */
export interface TailIo {
  /** Writes one line of output (an event). */
  out(line: string): void;
  /** Writes one line of status or error text. */
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Aborting it stops the tail, which then resolves with exit code 0. */
  signal: AbortSignal;
  /** Clock for `--since` durations. Default the system clock. */
  now?: () => Date;
  /** Path of the file in which a running `npm start` stack records its NATS URL. Default STACK_FILE. */
  stackFile?: string;
}

/** Runs the tail command and resolves with its exit code: 0 after the signal aborts, 1 on a failure, 2 for invalid arguments. */
export async function main(argv: string[], io: TailIo): Promise<number> {
  let options: TailOptions;
  try {
    const now = io.now?.() ?? new Date();
    // Reading the stack file here keeps parseTailArguments free of file access. Only --nats and NATS_URL take precedence over it.
    options = parseTailArguments(argv, io.env, now, readStackNatsUrl(io.stackFile ?? STACK_FILE));
  } catch (error) {
    if (!(error instanceof InvalidTailArgumentError)) {
      throw error;
    }
    io.err(`${error.message}\nRun with --help for the options.`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }

  let nc: NatsConnection;
  try {
    nc = await connect({ servers: options.natsUrl, name: 'lookout-tail' });
  } catch (error) {
    io.err(`Connecting to NATS at ${options.natsUrl} failed: ${(error as Error).message}. Set --nats or NATS_URL to the server of your Lookout stack.`);
    return 1;
  }
  try {
    await tail(nc, options, io);
    return 0;
  } catch (error) {
    io.err(`Tail failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await nc.close();
  }
}

interface Reader {
  consumer: Consumer;
  messages: ConsumerMessages;
}

async function tail(nc: NatsConnection, options: TailOptions, io: TailIo): Promise<void> {
  const readers: Reader[] = [];
  const closeAll = () => Promise.all(readers.map(({ messages }) => messages.close()));
  io.signal.addEventListener('abort', () => void closeAll(), { once: true });

  const sources = tailSources(options);
  for (const source of sources) {
    if (io.signal.aborted) {
      break;
    }
    readers.push(await openReader(nc, source, options, io));
  }
  if (io.signal.aborted) {
    await closeAll();
  }
  const print = printer(options, io);
  try {
    await Promise.all(
      readers.map(async ({ messages }) => {
        for await (const msg of messages) {
          print(msg);
        }
        const ended = await messages.closed();
        if (ended instanceof Error) {
          throw ended;
        }
      }),
    );
  } finally {
    // The server deletes an ordered consumer 5 minutes after its client leaves (nats.js sets that inactive threshold), so deleting them here leaves nothing behind at once.
    await Promise.all(readers.map(({ consumer }) => consumer.delete().catch(() => false)));
  }
}

/** Creates an ordered consumer on one source at the requested start and begins consuming it. */
async function openReader(nc: NatsConnection, source: TailSource, options: TailOptions, io: TailIo): Promise<Reader> {
  const jsm = await jetstreamManager(nc);
  let lastSeq: number;
  try {
    lastSeq = (await jsm.streams.info(source.stream)).state.last_seq;
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) {
      throw new Error(`stream ${source.stream} not found on ${options.natsUrl}. The Lookout services create it when they start.`, { cause: error });
    }
    throw error;
  }

  const { start } = options;
  const position = start.kind === 'time' ? { opt_start_time: start.time.toISOString() } : { opt_start_seq: start.kind === 'sequence' ? start.sequence : lastSeq + 1 };
  const consumer = await jetstream(nc).consumers.get(source.stream, { filter_subjects: source.filterSubject, ...position });
  const from = start.kind === 'time' ? `time ${start.time.toISOString()}` : `sequence ${position.opt_start_seq}`;
  io.err(`tailing ${source.filterSubject} in ${source.stream} from ${from} on ${options.natsUrl}`);
  return { consumer, messages: await consumer.consume() };
}

/** Returns a function that prints a message when it passes the label and score filters. */
function printer(options: TailOptions, io: TailIo): (msg: JsMsg) => void {
  const tokens = new Set(options.labels.map(labelToken));
  return (msg) => {
    const tailed = decode(msg, io);
    if (tailed === undefined) {
      return;
    }
    if (tailed.subject === SUBJECTS.detectionFound) {
      const { data } = (tailed as TailedEvent<typeof SUBJECTS.detectionFound>).event;
      if (tokens.size > 0 && !tokens.has(labelToken(data.label))) {
        return;
      }
      if (options.minScore !== undefined && data.maxScore < options.minScore) {
        return;
      }
    }
    // The message bytes rather than the decoded event, so fields this version of the contracts does not know still show.
    io.out(options.json ? JSON.stringify(JSON.parse(new TextDecoder().decode(msg.data))) : eventLine(tailed));
  };
}

function decode(msg: JsMsg, io: TailIo): TailedEvent | undefined {
  const subject = contractSubject(msg.subject);
  const where = `${msg.info.stream}#${msg.seq} on ${msg.subject}`;
  if (subject === undefined) {
    io.err(`skipped ${where}: no event contract exists for this subject`);
    return undefined;
  }
  try {
    return { subject, event: decodeEvent(subject, msg.data), stream: msg.info.stream, seq: msg.seq } as TailedEvent;
  } catch (error) {
    io.err(`skipped ${where}: ${(error as Error).message}`);
    return undefined;
  }
}
