import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository, found from this file so that the tool works from any working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Source folder of `@lookout/contracts`, whose JSDoc comments describe the payload fields. */
export const CONTRACTS_SOURCE_DIR = join(REPO_ROOT, 'libs/contracts/src');

/** Source folder of `@lookout/messaging`, whose JSDoc comments describe the dead-letter headers. */
export const MESSAGING_SOURCE_DIR = join(REPO_ROOT, 'libs/messaging/src');

/** Committed JSON Schema of each subject's payload, which the compatibility check compares against. */
export const SCHEMA_SNAPSHOTS_DIR = join(REPO_ROOT, 'libs/contracts/schemas');

export const ASYNCAPI_PATH = join(REPO_ROOT, 'docs/asyncapi.yaml');
export const EVENTS_MARKDOWN_PATH = join(REPO_ROOT, 'docs/events.md');
