import { z } from 'zod';
import { logLevelVariable, natsVariables, portVariable, positiveIntVariable, s3Variables } from '@lookout/runtime';

const MEBIBYTE_BYTES = 1024 * 1024;

/** Environment variables of the ingest service, validated once at start-up. */
export const ingestConfigSchema = z.object({
  INGEST_PORT: portVariable(3001),
  /** Largest accepted file, in bytes, enforced while the multipart body streams in. */
  MAX_UPLOAD_BYTES: positiveIntVariable(20 * MEBIBYTE_BYTES),
  MAX_FILES_PER_REQUEST: positiveIntVariable(20),
  /** Largest accepted image area (width x height of one page), checked from the header before decoding. */
  MAX_IMAGE_PIXELS: positiveIntVariable(40_000_000),
  /** Largest file, in bytes, accepted through a presigned PUT to the bucket (`POST /v1/uploads`). */
  MAX_DIRECT_UPLOAD_BYTES: positiveIntVariable(200 * MEBIBYTE_BYTES),
  /**
   * Key of the HMAC that signs upload ids. Every replica must share it, or a complete request that
   * reaches another replica is rejected; unset, each process draws a random key at start-up.
   * Sensitive: never logged.
   */
  UPLOAD_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Endpoint written into presigned URLs when clients reach S3 under another address than ingest does. */
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  LOG_LEVEL: logLevelVariable,
  ...natsVariables,
  ...s3Variables,
});

export type IngestConfig = z.infer<typeof ingestConfigSchema>;

/** Injection token of the validated `IngestConfig`. */
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
