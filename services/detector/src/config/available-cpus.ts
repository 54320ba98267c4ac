import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** cgroup v2 file with the CPU bandwidth limit of this process's cgroup: "<quota> <period>" or "max <period>". */
export const CGROUP_CPU_MAX_PATH = '/sys/fs/cgroup/cpu.max';

/** CPUs available to the process and where the limit comes from. */
export interface AvailableCpus {
  count: number;
  /** `cgroup` when the cgroup quota is the tighter limit, `affinity` when the CPU set or core count is. */
  source: 'cgroup' | 'affinity';
}

/**
 * Parses a cgroup v2 `cpu.max` value into whole CPUs: the quota divided by the period, rounded up
 * and at least 1. Returns undefined for "max" (no limit) and for text it cannot read.
 */
export function parseCgroupCpuMax(text: string): number | undefined {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 2 || fields[0] === 'max') {
    return undefined;
  }
  const quota = Number(fields[0]);
  const period = Number(fields[1]);
  if (!Number.isInteger(quota) || !Number.isInteger(period) || quota <= 0 || period <= 0) {
    return undefined;
  }
  return Math.max(1, Math.ceil(quota / period));
}

/**
 * Returns the CPUs this process may use. `os.availableParallelism()` counts the CPUs of the
 * affinity mask but ignores a container's CPU quota, so the cgroup v2 limit is applied on top.
 * Hosts without cgroup v2 (or without a readable cpu.max) use availableParallelism() alone.
 */
export function availableCpus(readCpuMax: () => string = () => readFileSync(CGROUP_CPU_MAX_PATH, 'utf8')): AvailableCpus {
  const parallelism = availableParallelism();
  let quotaCpus: number | undefined;
  try {
    quotaCpus = parseCgroupCpuMax(readCpuMax());
  } catch {
    quotaCpus = undefined;
  }
  if (quotaCpus !== undefined && quotaCpus < parallelism) {
    return { count: quotaCpus, source: 'cgroup' };
  }
  return { count: parallelism, source: 'affinity' };
}
