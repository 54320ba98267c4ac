/**
 * `npm test`: prepares what the suites need (nats-server present, the default model, the sample
 * photos, built services for the end-to-end suite) and runs jest in ESM mode. Arguments pass through
 * to jest, for example `npm test -- --selectProjects unit`.
 */
import { spawnSync } from 'node:child_process';
import {
  ensureBuilt,
  ensureChromium,
  ensureModel,
  ensureNatsServer,
  ensurePhotos,
  MissingPrerequisiteError,
  REPO_ROOT,
  repoPath,
} from '@lookout/local-stack';

try {
  ensureNatsServer();
  // Only the e2e project drives a browser.
  const projects = process.argv.includes('--selectProjects') ? process.argv : ['e2e'];
  if (projects.includes('e2e')) ensureChromium();
  ensureModel();
  ensurePhotos();
  ensureBuilt((line) => console.log(line));
} catch (error) {
  console.error(error instanceof MissingPrerequisiteError ? error.message : error);
  process.exit(1);
}

// swc strips types without checking them, so a full run type-checks first.
if (!process.argv.includes('--selectProjects')) {
  const typecheck = spawnSync('npm', ['run', '--silent', 'typecheck'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (typecheck.status !== 0) {
    console.error('Type checking failed; fix the errors above or run `npm run typecheck`.');
    process.exit(1);
  }
}

const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', repoPath('node_modules/jest/bin/jest.js'), ...process.argv.slice(2)],
  { cwd: REPO_ROOT, stdio: 'inherit' },
);
process.exit(jest.status ?? 1);
