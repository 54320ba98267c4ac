import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** File where `npm start` records the addresses of the running stack. The stack removes it when it stops. */
export const STACK_FILE = fileURLToPath(new URL('../../../.cache/stack.json', import.meta.url));

/** Returns the NATS URL a running `npm start` stack recorded, or undefined when no stack file can be read. */
export function readStackNatsUrl(file: string = STACK_FILE): string | undefined {
  let recorded: unknown;
  try {
    recorded = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // A missing or half-written file means no usable stack, so the caller falls back to its default.
    return undefined;
  }
  const natsUrl = (recorded as { natsUrl?: unknown } | null)?.natsUrl;
  return typeof natsUrl === 'string' && natsUrl !== '' ? natsUrl : undefined;
}
