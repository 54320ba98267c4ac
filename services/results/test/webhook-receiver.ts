import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { deferred, LOOPBACK_HOST, type Deferred } from '@lookout/testing';

/** One request the receiver got, with the time its body had arrived. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

interface Waiter {
  path: string;
  count: number;
  done: Deferred<ReceivedRequest[]>;
}

/**
 * An HTTP server on 127.0.0.1 that acts as a webhook endpoint. It responds on each path with
 * the statuses queued for it, in order, then 200, and lets a test wait for the n-th request on a path.
 */
export class WebhookReceiver {
  private readonly requests: ReceivedRequest[] = [];
  private readonly statuses = new Map<string, number[]>();
  private readonly waiters: Waiter[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const status = receiver.statuses.get(path)?.shift() ?? 200;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
        receiver.accept({ method: request.method ?? '', path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: performance.now() });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, LOOPBACK_HOST, resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** `http://127.0.0.1:<port><path>`. */
  url(path: string): string {
    return `http://${LOOPBACK_HOST}:${this.port}${path}`;
  }

  /** Responds to the next requests on `path` with these statuses, one each. */
  respondWith(path: string, statuses: number[]): void {
    this.statuses.set(path, [...statuses]);
  }

  /** Requests received on `path` so far. */
  receivedOn(path: string): ReceivedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** Resolves with the first `count` requests on `path` once that many have arrived. */
  waitForRequests(path: string, count: number): Promise<ReceivedRequest[]> {
    const waiter: Waiter = { path, count, done: deferred<ReceivedRequest[]>() };
    this.waiters.push(waiter);
    this.settleWaiters();
    return waiter.done.promise;
  }

  async close(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) {
      waiter.done.reject(new Error(`the receiver closed before ${waiter.count} requests arrived on ${waiter.path}`));
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(request: ReceivedRequest): void {
    this.requests.push(request);
    this.settleWaiters();
  }

  private settleWaiters(): void {
    for (const waiter of [...this.waiters]) {
      const received = this.receivedOn(waiter.path);
      if (received.length >= waiter.count) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.done.resolve(received.slice(0, waiter.count));
      }
    }
  }
}
