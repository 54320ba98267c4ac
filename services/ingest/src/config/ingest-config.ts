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
  LOG_LEVEL: logLevelVariable,
  ...natsVariables,
  ...s3Variables,
});

export type IngestConfig = z.infer<typeof ingestConfigSchema>;

/** Injection token of the validated `IngestConfig`. */
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
