import { z } from 'zod';

/** Raised when environment variables fail validation. Names variables, never their values. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';

  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates environment variables once, at start-up, into a typed object.
 * The schema's keys are the variable names, so every problem names its variable.
 */
export function loadConfig<T extends z.ZodObject>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) {
    return result.data;
  }
  // zod messages describe the expected form; they do not echo the received value.
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(problems);
}

/** A TCP port given as a string in the environment. */
export const portVariable = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

/** A positive integer given as a string in the environment. */
export const positiveIntVariable = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const booleanVariable = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const logLevelVariable = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** Variables every service that talks to NATS reads. */
export const natsVariables = {
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
};

/** Variables every service that talks to S3 reads. S3_ENDPOINT is unset on AWS. */
export const s3Variables = {
  S3_BUCKET: z.string().min(3).default('lookout-images'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanVariable(false),
};
