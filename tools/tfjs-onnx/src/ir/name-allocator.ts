/** Hands out names that collide neither with each other nor with names reserved up front. */
export class NameAllocator {
  private readonly used: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.used = new Set(reserved);
  }

  allocate(hint: string): string {
    let name = hint;
    for (let suffix = 1; this.used.has(name); suffix += 1) {
      name = `${hint}_${suffix}`;
    }
    this.used.add(name);
    return name;
  }
}
