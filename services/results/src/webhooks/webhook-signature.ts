import { createHmac, randomBytes } from 'node:crypto';

const SECRET_BYTES = 32;

/** Creates a signing secret: 32 random bytes as base64url text. */
export function createWebhookSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/**
 * Returns the `Lookout-Signature` header value: `v1=` and the hex HMAC-SHA256 of
 * `<timestamp>.<body>`, keyed with the secret's text as UTF-8.
 */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `v1=${digest}`;
}
