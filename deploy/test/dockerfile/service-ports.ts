import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where each service declares its default port, and how to read it there. */
const PORT_SOURCES: Record<string, { file: string; pattern: RegExp }> = {
  ingest: { file: 'services/ingest/src/config/ingest-config.ts', pattern: /INGEST_PORT:\s*portVariable\((\d+)\)/ },
  results: { file: 'services/results/src/config/results-config.ts', pattern: /RESULTS_PORT:\s*portVariable\((\d+)\)/ },
  detector: { file: 'services/detector/src/config/detector-config.ts', pattern: /DETECTOR_PORT:\s*portVariable\((\d+)\)/ },
  // The dashboard has no config module; its start script carries the default.
  web: { file: 'services/web/package.json', pattern: /\$\{WEB_PORT:-(\d+)\}/ },
};

/** Reads a service's default port from its source, so the Dockerfile checks follow code changes. */
export async function defaultPort(repoDir: string, service: string): Promise<number> {
  const source = PORT_SOURCES[service];
  if (!source) {
    throw new Error(`No port source known for service ${service}`);
  }
  const text = await readFile(join(repoDir, source.file), 'utf8');
  const match = source.pattern.exec(text);
  if (!match) {
    throw new Error(`${source.file} no longer matches ${source.pattern}; update PORT_SOURCES in deploy/test/dockerfile/service-ports.ts`);
  }
  return Number(match[1]);
}
