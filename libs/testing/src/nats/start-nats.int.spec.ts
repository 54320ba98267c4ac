import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from '@nats-io/transport-node';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

import { freePort, LOOPBACK_HOST } from '../free-port.js';
import { portIsFree } from '../port-is-free.js';
import { startNats } from './start-nats.js';

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, LOOPBACK_HOST, () => resolve(server));
  });
}

describe('startNats', () => {
  it('starts a JetStream server that clients can use', async () => {
    const nats = await startNats();
    try {
      expect(nats.url).toBe(`nats://127.0.0.1:${nats.port}`);
      const connection = await connect({ servers: nats.url });
      try {
        expect(connection.info?.jetstream).toBe(true);
        const subscription = connection.subscribe('lookout.test.ping', { max: 1 });
        connection.publish('lookout.test.ping', 'hello');

        for await (const message of subscription) {
          expect(message.string()).toBe('hello');
        }
      } finally {
        await connection.close();
      }
    } finally {
      await nats.stop();
    }

    await expect(portIsFree(nats.port)).resolves.toBe(true);
  });

  it('removes its store directory on stop', async () => {
    const nats = await startNats();

    expect(existsSync(nats.dataDir)).toBe(true);
    await nats.stop();

    expect(existsSync(nats.dataDir)).toBe(false);
  });

  describe('on a busy port', () => {
    let blocker: Server;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      blocker = await occupy(port);
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    });

    it('rejects with the server output', async () => {
      const starting = startNats({ port });

      await expect(starting).rejects.toThrow(/nats-server .* failed to start: exited early/);
      await expect(starting).rejects.toThrow(/address already in use/);
    });
  });
});
