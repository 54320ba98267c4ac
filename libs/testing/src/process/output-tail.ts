const DEFAULT_MAX_LINES = 20;

/** The last lines written to a child process's stdout or stderr, kept for error messages. */
export class OutputTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly maxLines: number = DEFAULT_MAX_LINES) {}

  /** Appends a chunk of output and returns the complete lines it finished. */
  push(chunk: Buffer | string): string[] {
    const text = this.partial + chunk.toString();
    const pieces = text.split(/\r?\n/);
    this.partial = pieces.pop() ?? '';

    const complete = pieces.filter((line) => line.length > 0);
    for (const line of complete) {
      this.lines.push(line);
      if (this.lines.length > this.maxLines) {
        this.lines.shift();
      }
    }
    return complete;
  }

  /** Returns the kept lines, plus an unfinished last line if there is one. */
  text(): string {
    const all = this.partial.length > 0 ? [...this.lines, this.partial] : this.lines;
    return all.join('\n');
  }
}

/** Formats a start-up failure with the output that explains it. */
export function describeStartFailure(server: string, reason: string, tail: OutputTail): string {
  const output = tail.text();
  const details = output.length > 0 ? `\nLast output lines:\n${output}` : '\n(The server wrote no output.)';
  return `${server} failed to start: ${reason}${details}`;
}
