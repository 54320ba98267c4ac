import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';

import { freePort, LOOPBACK_HOST } from './free-port.js';

function listenOn(port: number): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, LOOPBACK_HOST, () => {
      resolve(() => new Promise<void>((done) => server.close(() => done())));
    });
  });
}

describe('freePort', () => {
  it('returns a port that can be bound', async () => {
    const port = await freePort();

    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
    const close = await listenOn(port);
    await close();
  });

  it('skips a port that is in use', async () => {
    const busyPort = await freePort();
    const close = await listenOn(busyPort);
    try {
      const next = await freePort();

      expect(next).not.toBe(busyPort);
    } finally {
      await close();
    }
  });
});
