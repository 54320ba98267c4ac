import { createServer } from 'node:net';

import { LOOPBACK_HOST } from './free-port.js';

/** Resolves true when `port` on 127.0.0.1 can be bound, which shows a stopped server let it go. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, LOOPBACK_HOST, () => server.close(() => resolve(true)));
  });
}
