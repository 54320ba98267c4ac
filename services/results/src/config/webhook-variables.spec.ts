import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@lookout/runtime';

import { loadResultsConfig } from './results-config.js';

const DATABASE_URL = 'postgres://results@127.0.0.1:5432/lookout';

describe('webhook variables', () => {
  it('apply defaults', () => {
    const config = loadResultsConfig({ DATABASE_URL });

    expect(config.WEBHOOK_ALLOWED_HOSTS).toEqual([]);
    expect(config.WEBHOOK_RETRY_BASE_MS).toBe(1_000);
    expect(config.WEBHOOK_MAX_ATTEMPTS).toBe(8);
    expect(config.WEBHOOK_POLL_INTERVAL_MS).toBe(1_000);
  });

  it('parse the allow-list', () => {
    const config = loadResultsConfig({ DATABASE_URL, WEBHOOK_ALLOWED_HOSTS: 'receiver.internal, 127.0.0.1:3000,[::1]:9000,' });

    expect(config.WEBHOOK_ALLOWED_HOSTS).toEqual([{ host: 'receiver.internal' }, { host: '127.0.0.1', port: 3000 }, { host: '::1', port: 9000 }]);
  });

  it('name an invalid entry without printing it', () => {
    let thrown: unknown;
    try {
      loadResultsConfig({ DATABASE_URL, WEBHOOK_ALLOWED_HOSTS: 'ok.internal,https://secret-host.internal/' });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toContain('WEBHOOK_ALLOWED_HOSTS: entry 2 is not a host or host:port');
    expect((thrown as Error).message).not.toContain('secret-host');
  });

  it('reject a zero retry delay', () => {
    expect(() => loadResultsConfig({ DATABASE_URL, WEBHOOK_RETRY_BASE_MS: '0' })).toThrow('WEBHOOK_RETRY_BASE_MS');
  });
});
