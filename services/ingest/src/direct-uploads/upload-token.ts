import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { InvalidUploadTokenError } from '../errors/direct-upload-errors.js';

/** Claims an upload id carries from `POST /v1/uploads` to its complete request. */
export interface UploadClaims {
  imageId: string;
  /** Id of the `images.uploaded.v1` event; a repeated complete publishes the same id, which JetStream drops. */
  jobId: string;
  /** Key the client PUTs the file under. */
  key: string;
  originalName: string;
  /** Seconds since the Unix epoch after which the token is rejected. */
  expiresAt: number;
}

const claimsSchema = z.object({
  imageId: z.uuid(),
  jobId: z.uuid(),
  key: z.string().min(1),
  originalName: z.string(),
  expiresAt: z.number().int().positive(),
});

const SECRET_BYTES = 32;

/**
 * Signs and verifies upload ids: `<claims as base64url JSON>.<HMAC-SHA256 as base64url>`. The id
 * is the only state between the two requests of a direct upload, so no database is needed, and
 * the signature keeps a client from completing a key it was not given.
 */
export class UploadTokenCodec {
  private readonly secret: Buffer;

  /** `secret` is UPLOAD_TOKEN_SECRET; without one, tokens verify only in the process that signed them. */
  constructor(secret?: string) {
    this.secret = secret === undefined ? randomBytes(SECRET_BYTES) : Buffer.from(secret, 'utf8');
  }

  sign(claims: UploadClaims): string {
    const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return `${payload}.${this.signature(payload).toString('base64url')}`;
  }

  /**
   * Returns the claims of a token this codec signed.
   * @throws InvalidUploadTokenError when the token is malformed, its signature does not match, or it has expired
   */
  verify(token: string, now: Date = new Date()): UploadClaims {
    const parts = token.split('.');
    if (parts.length !== 2) {
      throw new InvalidUploadTokenError('it is not an id that POST /v1/uploads returned');
    }
    const [payload, signature] = parts as [string, string];
    const expected = this.signature(payload);
    const provided = Buffer.from(signature, 'base64url');
    if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
      throw new InvalidUploadTokenError('its signature does not match');
    }

    const claims = claimsSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success) {
      throw new InvalidUploadTokenError('its content is malformed');
    }
    if (claims.data.expiresAt * 1000 <= now.getTime()) {
      throw new InvalidUploadTokenError(`it expired at ${new Date(claims.data.expiresAt * 1000).toISOString()}`);
    }
    return claims.data;
  }

  private signature(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
