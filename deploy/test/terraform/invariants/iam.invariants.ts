import { nestedBlocksWithDynamic, stringsIn } from '../expressions.js';
import { allInstances } from '../load-terraform.js';
import { noneFound, type Invariant } from './violation.js';

const WILDCARD_ACTION = /^(\*|[a-z0-9-]+:\*)$/;

/**
 * Checks that Allow statements name their actions: no "*" and no "service:*". Deny statements may use
 * wildcards, because they only take permissions away.
 */
export const policiesNameActions: Invariant = (root) => {
  const violations: string[] = [];
  let statements = 0;
  for (const instance of allInstances(root)) {
    for (const [name, document] of instance.module.data.get('aws_iam_policy_document') ?? []) {
      for (const statement of nestedBlocksWithDynamic(document, 'statement')) {
        statements += 1;
        if (statement.effect === 'Deny') {
          continue;
        }
        for (const action of stringsIn(statement.actions).filter((candidate) => WILDCARD_ACTION.test(candidate))) {
          violations.push(`${instance.address}.data.aws_iam_policy_document.${name} allows ${action}`);
        }
      }
    }
  }
  return statements === 0 ? [noneFound('aws_iam_policy_document statement')] : violations;
};
