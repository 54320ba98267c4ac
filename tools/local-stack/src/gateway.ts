import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '@lookout/runtime';
import { routeRequest, type Upstream } from '@lookout/contracts';

export interface GatewayOptions {
  host: string;
  port: number;
  upstreams: Record<Upstream, string>;
  logger: Logger;
}

export interface Gateway {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the local reverse proxy that gives the dashboard and the API one origin.
 * Bodies and responses are streamed, so uploads and server-sent events pass through unbuffered.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const server = createServer((req, res) => forward(req, res, options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(options.host) ? 'localhost' : options.host;
  return { url: `http://${shownHost}:${port}`, close: () => closeServer(server) };
}

function forward(req: IncomingMessage, res: ServerResponse, options: GatewayOptions): void {
  const upstream = routeRequest(req.method ?? 'GET', req.url ?? '/');
  const target = new URL(req.url ?? '/', options.upstreams[upstream]);
  const proxied = request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host, 'x-forwarded-host': req.headers.host ?? '' } },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
      upstreamRes.pipe(res);
    },
  );
  proxied.on('error', (error) => {
    options.logger.error({ upstream, path: req.url, err: error.message }, 'gateway request to upstream failed');
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
    }
    res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `The ${upstream} service did not respond.` } }));
  });
  // A client that goes away (a closed event stream, for example) must not leave the upstream request open.
  res.on('close', () => proxied.destroy());
  req.pipe(proxied);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
