import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SERVICES = ['ingest', 'detector', 'results', 'web'];
const IMPORT = /(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', '.next'].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => match[1]!);
}

/** Resolves an import to a repository-relative path, or keeps a package name as it is. */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(ROOT, resolve(file, '..', specifier)) : specifier;
}

describe('module boundaries', () => {
  it('libs never import from services', () => {
    const offending = sourceFiles(join(ROOT, 'libs')).flatMap((file) =>
      importsOf(file)
        .map((specifier) => target(file, specifier))
        .filter((path) => path.startsWith('services/') || /^@lookout\/(ingest|detector|results|web)$/.test(path))
        .map((path) => `${relative(ROOT, file)} -> ${path}`),
    );

    expect(offending).toEqual([]);
  });

  it.each(SERVICES)('%s imports no other service', (service) => {
    const others = SERVICES.filter((name) => name !== service);
    const offending = sourceFiles(join(ROOT, 'services', service)).flatMap((file) =>
      importsOf(file)
        .map((specifier) => target(file, specifier))
        .filter((path) => others.some((other) => path.startsWith(`services/${other}/`) || path === `@lookout/${other}`))
        .map((path) => `${relative(ROOT, file)} -> ${path}`),
    );

    expect(offending).toEqual([]);
  });
});
