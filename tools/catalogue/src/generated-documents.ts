import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

import { buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi-document.js';
import type { Catalogue } from './catalogue.js';
import { ASYNCAPI_PATH, EVENTS_MARKDOWN_PATH, REPO_ROOT } from './catalogue-paths.js';
import { renderEventsMarkdown } from './events-markdown.js';

/** A file the catalogue generates, with its content. */
export interface GeneratedDocument {
  path: string;
  content: string;
}

/** Renders `docs/asyncapi.yaml` and `docs/events.md`. */
export function generateDocuments(catalogue: Catalogue): GeneratedDocument[] {
  return [
    { path: ASYNCAPI_PATH, content: renderAsyncApiYaml(buildAsyncApiDocument(catalogue)) },
    { path: EVENTS_MARKDOWN_PATH, content: renderEventsMarkdown(catalogue) },
  ];
}

/** Returns the documents whose committed file is missing or differs from the generated content. */
export function staleDocuments(documents: readonly GeneratedDocument[]): GeneratedDocument[] {
  return documents.filter((document) => !existsSync(document.path) || readFileSync(document.path, 'utf8') !== document.content);
}

/** Writes the stale documents and returns them. */
export function writeDocuments(documents: readonly GeneratedDocument[]): GeneratedDocument[] {
  const stale = staleDocuments(documents);
  for (const document of stale) {
    writeFileSync(document.path, document.content);
  }
  return stale;
}

export function repoRelative(path: string): string {
  return relative(REPO_ROOT, path);
}
