import type { ModuleInstance } from '../load-terraform.js';

/** A check of one invariant over a loaded module tree; it returns one message per violation. */
export type Invariant = (root: ModuleInstance) => string[];

/** Message for an invariant that found nothing to check, so a passing result would mean nothing. */
export function noneFound(resource: string): string {
  return `no ${resource} found; the invariant cannot pass without one`;
}
