import { loadConfig, logLevelVariable, natsVariables, portVariable, s3Variables } from '@lookout/runtime';
import { z } from 'zod';

import { webhookVariables } from './webhook-variables.js';

/** Environment variables of the results service, validated once at start-up. */
export const resultsConfigSchema = z.object({
  RESULTS_PORT: portVariable(3003),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  LOG_LEVEL: logLevelVariable,
  ...natsVariables,
  ...s3Variables,
  ...webhookVariables,
});

export type ResultsConfig = z.infer<typeof resultsConfigSchema>;

/** Injection token of the validated `ResultsConfig`. */
export const RESULTS_CONFIG = Symbol('RESULTS_CONFIG');

/** Reads the results service's configuration; throws `ConfigError` naming each invalid variable. */
export function loadResultsConfig(env: NodeJS.ProcessEnv = process.env): ResultsConfig {
  return loadConfig(resultsConfigSchema, env);
}
