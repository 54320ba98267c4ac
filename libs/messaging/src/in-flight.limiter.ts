/** Counts messages being processed and lets the fetch loop wait for a free slot. */
export class InFlightLimiter {
  private active = 0;
  private slotWaiters: Array<() => void> = [];
  private idleWaiters: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
    }
  }

  get count(): number {
    return this.active;
  }

  get available(): number {
    return this.limit - this.active;
  }

  /** Takes a slot. Raises when none is free, because the caller asked for more than it may hold. */
  acquire(): void {
    if (this.active >= this.limit) {
      throw new Error(`no free slot: ${this.active} of ${this.limit} in use`);
    }
    this.active += 1;
  }

  release(): void {
    if (this.active === 0) {
      throw new Error('release() called with no slot in use');
    }
    this.active -= 1;
    this.wake(this.slotWaiters);
    if (this.active === 0) {
      this.wake(this.idleWaiters);
    }
  }

  /** Resolves as soon as at least one slot is free. */
  waitForSlot(): Promise<void> {
    if (this.active < this.limit) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.slotWaiters.push(resolve));
  }

  /** Resolves once no slot is in use. */
  waitForIdle(): Promise<void> {
    if (this.active === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private wake(waiters: Array<() => void>): void {
    const ready = waiters.splice(0);
    for (const resolve of ready) {
      resolve();
    }
  }
}
