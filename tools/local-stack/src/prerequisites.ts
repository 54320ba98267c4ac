import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, repoPath } from './paths.js';

/** Raised when the machine lacks something; the message says what to run. */
export class MissingPrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingPrerequisiteError';
  }
}

/** Runs a project script, streaming its output, and fails with `hint` when it exits non-zero. */
function runStep(command: string, args: string[], hint: string): void {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new MissingPrerequisiteError(hint);
  }
}

export function ensureNatsServer(): void {
  if (process.env.NATS_URL) {
    return;
  }
  const candidates = [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];
  if (candidates.some((path) => path && existsSync(path))) {
    return;
  }
  const onPath = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  if (onPath.status !== 0) {
    throw new MissingPrerequisiteError(
      'nats-server is not installed. Install it with `sudo apt-get install nats-server`, set NATS_SERVER_BIN to its path, or set NATS_URL to an existing NATS server with JetStream.',
    );
  }
}

/** Path of the Chromium binary the browser tests drive; Debian's `chromium` package installs it there. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new MissingPrerequisiteError(
      `Chromium was not found at ${CHROMIUM_PATH}; the browser tests need it. Install it with \`sudo apt-get install chromium\` or set CHROMIUM_PATH.`,
    );
  }
}

export function ensureModel(): void {
  runStep(process.execPath, [repoPath('node_modules/tsx/dist/cli.mjs'), repoPath('scripts/prepare-model.ts')], 'Preparing the default model failed; run `npm run model:prepare` and read its output.');
}

export function ensurePhotos(): void {
  runStep(process.execPath, [repoPath('node_modules/tsx/dist/cli.mjs'), repoPath('scripts/fetch-photos.ts')], 'Fetching the sample photos failed; run `sudo apt-get update && npm run photos`.');
}

/** Newest modification time of any file below `dir`, skipping build outputs. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.next'].includes(entry.name)) {
      continue;
    }
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(sources: string[], output: string): boolean {
  if (!existsSync(output)) {
    return true;
  }
  const built = statSync(output).mtimeMs;
  return sources.some((source) => newestMtime(repoPath(source)) > built);
}

/** Builds the libraries, the Nest services and the dashboard where sources changed since the last build. */
export function ensureBuilt(log: (line: string) => void): void {
  execFileSync(process.execPath, [repoPath('node_modules/typescript/bin/tsc'), '-b', repoPath('libs/tsconfig.build.json')], { stdio: 'inherit' });
  for (const service of ['ingest', 'detector', 'results']) {
    if (isStale([`services/${service}/src`, 'libs'], repoPath(`services/${service}/dist/main.js`))) {
      log(`building ${service}`);
      runStep(process.execPath, [repoPath('node_modules/@nestjs/cli/bin/nest.js'), 'build', service], `Building ${service} failed; run \`npx nest build ${service}\` to see why.`);
    }
  }
  if (isStale(['services/web'], repoPath('services/web/.next/BUILD_ID'))) {
    log('building the dashboard (a minute or two)');
    runStep('npm', ['run', 'build', '-w', 'services/web'], 'Building the dashboard failed; run `npm run build -w services/web` to see why.');
  }
}
