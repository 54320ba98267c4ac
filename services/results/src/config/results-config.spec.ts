import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@lookout/runtime';

import { loadResultsConfig } from './results-config.js';

const DATABASE_URL = 'postgres://results:s3cret-password@127.0.0.1:5432/lookout';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadResultsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('loadResultsConfig', () => {
  it('applies defaults', () => {
    const config = loadResultsConfig({ DATABASE_URL });

    expect(config.RESULTS_PORT).toBe(3003);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.S3_BUCKET).toBe('lookout-images');
    expect(config.S3_FORCE_PATH_STYLE).toBe(false);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('requires DATABASE_URL', () => {
    expect(configError({}).message).toContain('DATABASE_URL');
  });

  it('names an invalid variable without printing its value', () => {
    const error = configError({ DATABASE_URL: 'mysql://user:s3cret-password@db/lookout', RESULTS_PORT: '70000' });

    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).toContain('RESULTS_PORT');
    expect(error.message).not.toContain('s3cret-password');
    expect(error.message).not.toContain('70000');
  });
});
