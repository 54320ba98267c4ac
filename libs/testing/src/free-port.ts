import { createServer } from 'node:net';

export const LOOPBACK_HOST = '127.0.0.1';

/**
 * Asks the kernel for an unused TCP port on 127.0.0.1 by listening on port 0, then releases it.
 * Another process may take the port before the caller binds it, so launchers that can report
 * their own port should prefer that.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`Expected a TCP address from the probe socket, got ${String(address)}`));
        return;
      }
      server.close((error) => (error ? reject(error) : resolve(address.port)));
    });
  });
}
