import { lookup } from 'node:dns/promises';

import type { AllowedHost } from '../config/webhook-variables.js';
import { WebhookEndpointRejectedError } from '../errors/webhook-errors.js';
import { blockedAddressKind } from './endpoint-address.js';
import { isAllowListed, urlHost } from './webhook-url.js';

/** An endpoint whose addresses passed the checks, with the address a request must connect to. */
export interface CheckedEndpoint {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The host name did not resolve. Unlike a rejected address this may pass on a later try. */
export class EndpointLookupError extends Error {
  constructor(
    readonly host: string,
    options?: ErrorOptions,
  ) {
    super(`DNS lookup of ${host} failed`, options);
    this.name = 'EndpointLookupError';
  }
}

/**
 * Resolves a webhook host and rejects it when any of its addresses is loopback, private,
 * link-local or otherwise not public, unless the operator allow-listed the host.
 * Every address is checked because a client may connect to any of them.
 */
export async function checkEndpoint(url: URL, allowedHosts: readonly AllowedHost[]): Promise<CheckedEndpoint> {
  const host = urlHost(url);
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await lookup(host, { all: true, order: 'verbatim' });
  } catch (error) {
    throw new EndpointLookupError(host, { cause: error });
  }
  if (addresses.length === 0) {
    throw new EndpointLookupError(host);
  }

  if (!isAllowListed(url, allowedHosts)) {
    for (const { address } of addresses) {
      const kind = blockedAddressKind(address);
      if (kind !== undefined) {
        throw new WebhookEndpointRejectedError(`${host} resolves to ${address}, a ${kind.replaceAll('_', '-')} address`);
      }
    }
  }
  const [first] = addresses;
  return { url, address: first!.address, family: first!.family === 6 ? 6 : 4 };
}
