import { EventEmitter, once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIXTURE_IMAGE_ID, FIXTURE_PNG } from './fixture-image.js';

/** Handles one request in place of the built-in routes. `url` is the parsed request URL. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

interface ExtraRoute {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

export interface UploadAttempt {
  accepted: boolean;
  body: string;
}

/**
 * Serves one origin to the browser, like the gateway: `/v1/*` returns fixed records in the API's
 * shapes and a real PNG, and every other path is proxied to the Next.js server under test.
 */
export class SameOriginServer {
  readonly uploads: UploadAttempt[] = [];
  private record: object;
  private readonly subscribers = new Set<ServerResponse>();
  private readonly events = new EventEmitter();
  private readonly server = createServer((req, res) => this.route(req, res));
  private uploadCount = 0;
  private extraRoutes: ExtraRoute[] = [];

  constructor(
    private readonly nextUrl: URL,
    initialRecord: object,
  ) {
    this.record = initialRecord;
  }

  async listen(): Promise<string> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const subscriber of this.subscribers) {
      subscriber.end();
    }
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  /** Adds a route that takes precedence over the built-in ones, for API shapes a test needs. */
  addRoute(method: string, pattern: RegExp, handler: RouteHandler): void {
    this.extraRoutes.push({ method, pattern, handler });
  }

  clearRoutes(): void {
    this.extraRoutes = [];
  }

  setRecord(record: object): void {
    this.record = record;
  }

  /** Resolves once at least one browser page listens on /v1/events. */
  async waitForSubscriber(): Promise<void> {
    if (this.subscribers.size === 0) {
      await once(this.events, 'subscribed');
    }
  }

  publishStatus(imageId: string, status: string): void {
    const frame = `event: image\ndata: ${JSON.stringify({ imageId, status })}\n\n`;
    for (const subscriber of this.subscribers) {
      subscriber.write(frame);
    }
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const imagePath = `/v1/images/${FIXTURE_IMAGE_ID}`;
    const extra = this.extraRoutes.find((route) => route.method === req.method && route.pattern.test(url.pathname));

    if (extra) {
      void extra.handler(req, res, url);
    } else if (req.method === 'GET' && url.pathname === '/v1/events') {
      this.subscribe(req, res);
    } else if (req.method === 'GET' && url.pathname === '/v1/images') {
      sendJson(res, 200, { images: [this.record], nextCursor: null });
    } else if (req.method === 'GET' && url.pathname === imagePath) {
      sendJson(res, 200, this.record);
    } else if (req.method === 'GET' && url.pathname === `${imagePath}/file`) {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': FIXTURE_PNG.length });
      res.end(FIXTURE_PNG);
    } else if (req.method === 'POST' && url.pathname === '/v1/images') {
      void this.upload(req, res);
    } else if (url.pathname.startsWith('/v1/')) {
      sendJson(res, 404, { error: { code: 'not_found', message: `No route for ${url.pathname}` } });
    } else {
      this.proxy(req, res);
    }
  }

  private subscribe(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': subscribed\n\n');
    this.subscribers.add(res);
    req.on('close', () => this.subscribers.delete(res));
    this.events.emit('subscribed');
  }

  // Responds like the ingest service: 202 with the queued image, or 415 for a part that is not an image.
  private async upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readBody(req)).toString('latin1');
    const accepted = /content-type: image\//i.test(body);
    this.uploads.push({ accepted, body });

    if (!accepted) {
      sendJson(res, 415, { error: { code: 'unsupported_media_type', message: 'The file is not a JPEG, PNG or WebP image' } });
      return;
    }
    this.uploadCount += 1;
    const id = `00000000-0000-4000-8000-${String(this.uploadCount).padStart(12, '0')}`;
    sendJson(res, 202, { images: [{ id, status: 'queued', statusUrl: `/v1/images/${id}` }] });
  }

  private proxy(req: IncomingMessage, res: ServerResponse): void {
    const upstream = request(
      new URL(req.url ?? '/', this.nextUrl),
      { method: req.method, headers: { ...req.headers, host: this.nextUrl.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.destroy(error);
    });
    req.pipe(upstream);
  }
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
