import { detectionFoundSubject, labelToken } from '@lookout/contracts';

import { CONTRACTS_SOURCE_DIR } from './catalogue-paths.js';
import { readSourceDocs, type SourceDocs } from './source-docs.js';

/** Labels that show the token rule: a plain one, one with a space and one with capitals and a hyphen. */
const EXAMPLE_LABELS = ['person', 'traffic light', 'Hot-Dog'] as const;

/** Each example label with its subject token and the NATS subject of its detections.found.v1 event. */
export const LABEL_TOKEN_EXAMPLES = EXAMPLE_LABELS.map((label) => ({ label, token: labelToken(label), subject: detectionFoundSubject(label) }));

/** Returns the rule that turns a label into a subject token, from the comment on `labelToken` in the contracts. */
export function labelTokenRule(docs: SourceDocs = readSourceDocs(CONTRACTS_SOURCE_DIR)): string {
  const rule = docs.get('labelToken')?.doc;
  if (rule === undefined) {
    throw new Error(`labelToken in ${CONTRACTS_SOURCE_DIR} has no JSDoc comment, which the catalogue shows as the label token rule`);
  }
  return rule;
}

/** Returns the rule as a sentence with `labelToken` as its subject, because its comment starts with a verb. */
export function labelTokenSentence(rule: string): string {
  return `\`labelToken\` in \`@lookout/contracts\` ${rule.charAt(0).toLowerCase()}${rule.slice(1)}`;
}
