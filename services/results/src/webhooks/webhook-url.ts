import type { AllowedHost } from '../config/webhook-variables.js';
import { InvalidWebhookError, WebhookEndpointRejectedError } from '../errors/webhook-errors.js';

export const MAX_URL_LENGTH = 2_048;

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** Host name of a URL as DNS and the allow-list know it: lower case, IPv6 without brackets. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** Port a request to the URL connects to. */
export function urlPort(url: URL): number {
  return url.port === '' ? DEFAULT_PORTS[url.protocol]! : Number(url.port);
}

/** Tests whether the operator allow-listed the URL's host, on any port or on the URL's port. */
export function isAllowListed(url: URL, allowedHosts: readonly AllowedHost[]): boolean {
  const host = urlHost(url);
  const port = urlPort(url);
  return allowedHosts.some((entry) => entry.host === host && (entry.port === undefined || entry.port === port));
}

/**
 * Parses a webhook URL and checks what can be checked without DNS: an absolute https URL, or http
 * for an allow-listed host, without user info. Throws InvalidWebhookError for text that is not such
 * a URL and WebhookEndpointRejectedError for a URL the allow-list does not permit.
 */
export function parseWebhookUrl(text: string, allowedHosts: readonly AllowedHost[]): URL {
  if (text.length > MAX_URL_LENGTH) {
    throw new InvalidWebhookError('url', `must be at most ${MAX_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidWebhookError('url', 'must be an absolute http or https URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidWebhookError('url', 'must be an absolute http or https URL');
  }
  // Credentials in the URL would be stored and shown to every reader of the webhook list.
  if (url.username !== '' || url.password !== '') {
    throw new InvalidWebhookError('url', 'must not contain a user name or password');
  }
  if (url.protocol === 'http:' && !isAllowListed(url, allowedHosts)) {
    throw new WebhookEndpointRejectedError(`http is allowed only for hosts in WEBHOOK_ALLOWED_HOSTS, so ${url.host} needs https`);
  }
  return url;
}
