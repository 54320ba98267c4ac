import { deferred, type Deferred } from '@lookout/testing';

/** One event of a `text/event-stream` response. Comment lines are counted, not kept. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

interface Waiter {
  matches: (event: ServerSentEvent) => boolean;
  found: Deferred<ServerSentEvent>;
}

/**
 * Reads a server-sent events response as it arrives and lets a test wait for a matching event.
 * Events that arrive before `next` is called are kept, so no event is missed between steps.
 */
export class SseClient {
  readonly received: ServerSentEvent[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly abort = new AbortController();
  private buffer = '';

  private constructor(readonly response: Response) {}

  static async open(url: string): Promise<SseClient> {
    const controller = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
    const client = new SseClient(response);
    client.abort.signal.addEventListener('abort', () => controller.abort());
    void client.read();
    return client;
  }

  /**
   * Resolves with the first received event, past or future, that `matches` accepts.
   * `after` skips that many events from the start, such as `received.length` taken before an action.
   */
  next(matches: (event: ServerSentEvent) => boolean, { after = 0 }: { after?: number } = {}): Promise<ServerSentEvent> {
    const earlier = this.received.slice(after).find(matches);
    if (earlier !== undefined) {
      return Promise.resolve(earlier);
    }
    const waiter = { matches, found: deferred<ServerSentEvent>() };
    this.waiters.push(waiter);
    return waiter.found.promise;
  }

  close(): void {
    this.abort.abort();
    this.rejectWaiters(new Error('the event stream was closed before a matching event arrived'));
  }

  private rejectWaiters(error: unknown): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter.found.reject(error);
    }
  }

  private async read(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.response.body!) {
        this.buffer += decoder.decode(chunk, { stream: true });
        this.drainBuffer();
      }
      this.rejectWaiters(new Error('the server ended the event stream before a matching event arrived'));
    } catch (error) {
      if (!this.abort.signal.aborted) {
        this.rejectWaiters(error);
      }
    }
  }

  private drainBuffer(): void {
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.accept(block);
      end = this.buffer.indexOf('\n\n');
    }
  }

  private accept(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) {
        event = line.slice('event:'.length).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice('data:'.length).trimStart());
      }
    }
    if (data.length === 0) {
      return;
    }
    const received = { event, data: data.join('\n') };
    this.received.push(received);
    for (const waiter of [...this.waiters]) {
      if (waiter.matches(received)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.found.resolve(received);
      }
    }
  }
}
