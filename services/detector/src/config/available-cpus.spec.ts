import { availableParallelism } from 'node:os';
import { describe, expect, it } from '@jest/globals';
import { availableCpus, parseCgroupCpuMax } from './available-cpus.js';

describe('parseCgroupCpuMax', () => {
  it.each<[string, number | undefined]>([
    ['200000 100000\n', 2],
    ['150000 100000', 2],
    ['50000 100000', 1],
    ['1000 100000', 1],
    ['400000 100000', 4],
    ['max 100000\n', undefined],
    ['', undefined],
    ['100000', undefined],
    ['-1 100000', undefined],
    ['abc 100000', undefined],
    ['100000 0', undefined],
  ])('reads %p as %p CPUs', (text, expected) => {
    expect(parseCgroupCpuMax(text)).toBe(expected);
  });
});

describe('availableCpus', () => {
  it('takes a quota below the core count', () => {
    // On a single-core host the quota and the core count are equal, and the core count is reported.
    expect(availableCpus(() => '100000 100000')).toEqual({ count: 1, source: availableParallelism() > 1 ? 'cgroup' : 'affinity' });
  });

  it('keeps the core count under a larger quota', () => {
    const quota = (availableParallelism() + 4) * 100_000;

    expect(availableCpus(() => `${quota} 100000`)).toEqual({ count: availableParallelism(), source: 'affinity' });
  });

  it('keeps the core count without a quota', () => {
    expect(availableCpus(() => 'max 100000')).toEqual({ count: availableParallelism(), source: 'affinity' });
  });

  it('keeps the core count when cpu.max is missing', () => {
    const missing = () => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };

    expect(availableCpus(missing)).toEqual({ count: availableParallelism(), source: 'affinity' });
  });
});
