import { createHash } from 'node:crypto';

/**
 * Derives a stable UUID-shaped event id from the job and the outgoing subject. A redelivered job
 * then publishes under the same id, and JetStream's duplicate window (Nats-Msg-Id) drops the repeat.
 */
export function derivedEventId(jobId: string, subject: string): string {
  const hex = createHash('sha256').update(`${subject}\n${jobId}`).digest('hex');
  // Version nibble 8 ("custom", RFC 9562) and the RFC 4122 variant bits.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
