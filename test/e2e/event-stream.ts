import { deferred, type Deferred } from '@lookout/testing';

export interface StatusEvent {
  imageId: string;
  status: string;
}

/**
 * Reads the results service's server-sent events and resolves waiters when an image reaches a
 * status, so tests wait on the pipeline's own notifications rather than on time.
 */
export class EventStreamReader {
  private readonly seen: StatusEvent[] = [];
  private readonly waiters: Array<{ match: (event: StatusEvent) => boolean; done: Deferred<StatusEvent> }> = [];
  private readonly abort = new AbortController();
  readonly opened: Promise<void>;

  constructor(url: string) {
    this.opened = this.read(url);
  }

  waitForStatus(imageId: string, statuses: string[]): Promise<StatusEvent> {
    const match = (event: StatusEvent) => event.imageId === imageId && statuses.includes(event.status);
    const earlier = this.seen.find(match);
    if (earlier) return Promise.resolve(earlier);
    const done = deferred<StatusEvent>();
    this.waiters.push({ match, done });
    return done.promise;
  }

  close(): void {
    this.abort.abort();
  }

  private async read(url: string): Promise<void> {
    const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: this.abort.signal });
    if (!response.ok || !response.body) {
      throw new Error(`GET ${url} returned ${response.status}`);
    }
    void this.consume(response.body);
  }

  private async consume(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close().
    }
  }

  private dispatch(block: string): void {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .join('\n');
    if (!data) return;
    const event = JSON.parse(data) as StatusEvent;
    this.seen.push(event);
    for (const waiter of this.waiters.filter((candidate) => candidate.match(event))) {
      waiter.done.resolve(event);
    }
  }
}
