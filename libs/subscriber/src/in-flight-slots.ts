/** Counts the events being handled and lets a caller wait for a free slot or for none in flight. */
export class InFlightSlots {
  private used = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly capacity: number) {}

  get count(): number {
    return this.used;
  }

  get available(): number {
    return this.capacity - this.used;
  }

  acquire(): void {
    this.used += 1;
  }

  release(): void {
    this.used -= 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) {
      wake();
    }
  }

  /** Resolves once at least one slot is free. */
  async waitForSlot(): Promise<void> {
    while (this.available <= 0) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves once no event is being handled. */
  async waitForIdle(): Promise<void> {
    while (this.used > 0) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}
