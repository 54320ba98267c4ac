import { randomBytes } from 'node:crypto';

const SUFFIX_BYTES = 6;

/**
 * Returns `<prefix><separator><random hex>` that starts with a letter and contains only
 * lowercase letters, digits and the separator, so it is valid both as an unquoted PostgreSQL
 * identifier (with '_') and as an S3 bucket name (with '-').
 */
export function uniqueName(prefix: string, separator: '_' | '-', maxLength: number): string {
  const suffix = randomBytes(SUFFIX_BYTES).toString('hex');
  const words = prefix.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  let head = words.join(separator);
  if (!/^[a-z]/.test(head)) {
    head = head.length > 0 ? `t${separator}${head}` : 'test';
  }
  return `${head.slice(0, maxLength - suffix.length - 1)}${separator}${suffix}`;
}
