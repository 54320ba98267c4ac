/**
 * Parsed form of a semantic version such as `1.10.0` or `2.0.0-rc.1`. Missing minor and patch
 * numbers count as 0, so `2025.1` and `1` (versions this project's models have used) compare too.
 */
interface ParsedVersion {
  core: number[];
  prerelease: string[];
}

const VERSION_PATTERN = /^v?(\d+(?:\.\d+){0,2})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const NUMERIC_IDENTIFIER = /^\d+$/;

function parseVersion(version: string): ParsedVersion | undefined {
  const match = VERSION_PATTERN.exec(version.trim());
  if (match === null) {
    return undefined;
  }
  const core = match[1]!.split('.').map(Number);
  while (core.length < 3) {
    core.push(0);
  }
  return { core, prerelease: match[2] === undefined ? [] : match[2].split('.') };
}

/** Compares two pre-release identifiers by the semver 2.0.0 rules: numbers numerically and below text. */
function compareIdentifiers(a: string, b: string): number {
  const aNumeric = NUMERIC_IDENTIFIER.test(a);
  const bNumeric = NUMERIC_IDENTIFIER.test(b);
  if (aNumeric && bNumeric) {
    return Math.sign(Number(a) - Number(b));
  }
  if (aNumeric !== bNumeric) {
    return aNumeric ? -1 : 1;
  }
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function comparePrereleases(a: string[], b: string[]): number {
  // A version without a pre-release ranks above any pre-release of the same core version.
  if (a.length === 0 || b.length === 0) {
    return Math.sign(b.length - a.length);
  }
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const order = compareIdentifiers(a[i]!, b[i]!);
    if (order !== 0) {
      return order;
    }
  }
  return Math.sign(a.length - b.length);
}

/**
 * Orders two model versions by semantic versioning precedence: negative when `a` is older,
 * positive when newer, 0 when equal. Build metadata (`+…`) is ignored, as semver requires.
 * A version that is not semver-like compares equal to any other, so the caller's next criterion
 * decides between them.
 */
export function compareModelVersions(a: string, b: string): number {
  const parsedA = parseVersion(a);
  const parsedB = parseVersion(b);
  if (parsedA === undefined || parsedB === undefined) {
    return 0;
  }
  for (let i = 0; i < 3; i += 1) {
    const order = Math.sign(parsedA.core[i]! - parsedB.core[i]!);
    if (order !== 0) {
      return order;
    }
  }
  return comparePrereleases(parsedA.prerelease, parsedB.prerelease);
}
