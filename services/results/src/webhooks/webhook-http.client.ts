import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

import type { CheckedEndpoint } from './endpoint-guard.js';

/** Time one POST may take, from connecting to the end of the response. */
export const WEBHOOK_REQUEST_TIMEOUT_MS = 10_000;

/** The request failed before a complete response arrived. */
export class WebhookRequestError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WebhookRequestError';
  }
}

/**
 * Returns a lookup function that always yields the checked address, so the connection goes to the
 * address that passed the checks even if DNS answers differently now (DNS rebinding).
 * net.connect requests a list when it tries several addresses (autoSelectFamily), a single one otherwise.
 */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all === true) {
      callback(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
}

/**
 * POSTs a body to a checked endpoint and resolves with the response status once the response
 * body (discarded) has ended. Redirects are not followed. Throws WebhookRequestError when the
 * connection fails or the exchange takes longer than `timeoutMs`.
 */
export function postToEndpoint(
  endpoint: CheckedEndpoint,
  headers: Record<string, string>,
  body: string,
  timeoutMs = WEBHOOK_REQUEST_TIMEOUT_MS,
): Promise<number> {
  const transport = endpoint.url.protocol === 'https:' ? https : http;
  const signal = AbortSignal.timeout(timeoutMs);

  return new Promise<number>((resolve, reject) => {
    const fail = (error: unknown): void => {
      const message = signal.aborted ? `timed out after ${timeoutMs} ms` : describeError(error);
      reject(new WebhookRequestError(message, { cause: error }));
    };
    const request = transport.request(
      endpoint.url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(endpoint.address, endpoint.family),
        // A fresh connection per request, so no pooled socket outlives the address check it passed.
        agent: false,
        signal,
      },
      (response) => {
        response.on('error', fail);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('close', () => {
          if (!response.complete) {
            fail(new Error('the connection closed before the response ended'));
          }
        });
        response.resume();
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined || error.message.includes(code) ? error.message : `${code}: ${error.message}`;
  }
  return String(error);
}
