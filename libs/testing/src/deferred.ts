/** A promise together with the functions that settle it, for tests that wait on a callback. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
  /** Whether resolve or reject has been called. */
  readonly settled: boolean;
}

export function deferred<T = void>(): Deferred<T> {
  let settled = false;
  let resolvePromise!: (value: T) => void;
  let rejectPromise!: (reason: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });

  return {
    promise,
    resolve: (value) => {
      settled = true;
      resolvePromise(value);
    },
    reject: (reason) => {
      settled = true;
      rejectPromise(reason);
    },
    get settled() {
      return settled;
    },
  };
}
