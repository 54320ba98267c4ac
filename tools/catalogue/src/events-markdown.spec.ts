import { describe, expect, it } from '@jest/globals';
import { contractSubject, labelToken, SUBJECTS } from '@lookout/contracts';

import { buildCatalogue } from './catalogue.js';
import { EVENTS_MARKDOWN_PATH } from './catalogue-paths.js';
import { renderEventsMarkdown } from './events-markdown.js';
import { expectCommitted } from './expect-committed.js';
import { LABEL_TOKEN_EXAMPLES } from './label-token.js';

const catalogue = buildCatalogue();
const markdown = renderEventsMarkdown(catalogue);

describe('events.md', () => {
  it('matches the committed docs/events.md', () => {
    expectCommitted(EVENTS_MARKDOWN_PATH, markdown);
  });

  it('has a section for every subject', () => {
    for (const subject of Object.values(SUBJECTS)) {
      expect(markdown).toContain(`\n## ${subject}\n`);
    }
  });

  it('lists every payload property', () => {
    for (const entry of catalogue.subjects) {
      const section = markdown.slice(markdown.indexOf(`\n## ${entry.subject}\n`));
      for (const name of Object.keys(entry.payload.properties ?? {})) {
        expect(section).toContain(`| \`${name}\` |`);
      }
    }
  });

  it('shows label tokens that the contracts produce', () => {
    for (const example of LABEL_TOKEN_EXAMPLES) {
      expect(example.token).toBe(labelToken(example.label));
      expect(contractSubject(example.subject)).toBe(SUBJECTS.detectionFound);
      expect(markdown).toContain(`| \`${example.label}\` | \`${example.token}\` | \`${example.subject}\` |`);
    }
  });
});
