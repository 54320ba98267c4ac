import { positiveIntVariable } from '@lookout/runtime';
import { z } from 'zod';

/** One `WEBHOOK_ALLOWED_HOSTS` entry. Without a port it matches every port of the host. */
export interface AllowedHost {
  /** Lower-case host name or IP address, IPv6 without brackets. */
  host: string;
  port?: number;
}

// host, host:port, [ipv6] or [ipv6]:port
const ENTRY_PATTERN = /^(?:\[(?<ipv6>[0-9a-f:.]+)\]|(?<name>[a-z0-9._-]+))(?::(?<port>\d{1,5}))?$/;

/** Parses one allow-list entry, or returns undefined when it is not `host` or `host:port`. */
export function parseAllowedHost(entry: string): AllowedHost | undefined {
  const match = ENTRY_PATTERN.exec(entry.trim().toLowerCase());
  if (match?.groups === undefined) {
    return undefined;
  }
  const host = match.groups.ipv6 ?? match.groups.name!;
  if (match.groups.port === undefined) {
    return { host };
  }
  const port = Number(match.groups.port);
  return port >= 1 && port <= 65535 ? { host, port } : undefined;
}

const allowedHostsVariable = z
  .string()
  .default('')
  .transform((value, context) => {
    const entries = value.split(',').filter((entry) => entry.trim() !== '');
    const hosts: AllowedHost[] = [];
    for (const [index, entry] of entries.entries()) {
      const host = parseAllowedHost(entry);
      if (host === undefined) {
        // The entry itself is not echoed, like every other configuration problem.
        context.addIssue({ code: 'custom', message: `entry ${index + 1} is not a host or host:port` });
        return z.NEVER;
      }
      hosts.push(host);
    }
    return hosts;
  });

/** Variables of the outgoing webhooks. */
export const webhookVariables = {
  /** Comma-separated hosts (host or host:port) that may receive webhooks over http and on private addresses. */
  WEBHOOK_ALLOWED_HOSTS: allowedHostsVariable,
  /** Delay before the second attempt of a delivery, doubled for each later one up to one hour. */
  WEBHOOK_RETRY_BASE_MS: positiveIntVariable(1_000),
  /** Attempts of one delivery before it is marked failed. */
  WEBHOOK_MAX_ATTEMPTS: positiveIntVariable(8),
  /** How often each replica looks for due deliveries. */
  WEBHOOK_POLL_INTERVAL_MS: positiveIntVariable(1_000),
};
