import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { NATS_CONNECTION } from '@lookout/messaging';
import { errorFields } from '@lookout/runtime';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';

import type { ErrorBody } from '../errors/error-response.filter.js';
import { ResultsError } from '../errors/results-errors.js';
import { LOGGER, type Logger } from '../logging/logger.provider.js';
import { InvalidRequestError } from './invalid-request.error.js';
import { ResultsRpcHandlers, type RpcHandler } from './results-rpc.handlers.js';
import { RESULTS_RPC_QUEUE } from './results-rpc-subjects.js';

/**
 * Adapter between core NATS request/reply and `ResultsRpcHandlers`. Every replica subscribes in one
 * queue group, so each request reaches one of them. Errors become `{"error":{"code","message"}}`
 * replies with the codes of the HTTP API.
 */
@Injectable()
export class NatsRpcResponder implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly handlers: ResultsRpcHandlers,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'NatsRpcResponder' });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const [subject, handler] of Object.entries(this.handlers.bySubject())) {
      const subscription = this.nc.subscribe(subject, {
        queue: RESULTS_RPC_QUEUE,
        callback: (error, message) => {
          if (error !== null) {
            this.logger.error({ subject, ...errorFields(error) }, 'request subscription failed');
            return;
          }
          const replied = this.reply(message, handler).finally(() => this.inFlight.delete(replied));
          this.inFlight.add(replied);
        },
      });
      this.subscriptions.push(subscription);
    }
    // Requests sent once the flush returns reach this replica.
    await this.nc.flush();
  }

  /** Stops taking requests and waits for the replies in progress, before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    for (const subscription of this.subscriptions) {
      subscription.unsubscribe();
    }
    await Promise.allSettled([...this.inFlight]);
  }

  private async reply(message: Msg, handler: RpcHandler): Promise<void> {
    if (message.reply === undefined || message.reply === '') {
      this.logger.warn({ subject: message.subject }, 'message without a reply subject ignored; send it as a request');
      return;
    }
    let body: unknown;
    try {
      body = await handler(parseRequest(message.data));
    } catch (error) {
      body = this.errorBody(message.subject, error);
    }
    try {
      message.respond(JSON.stringify(body));
    } catch (error) {
      // The connection closed while the handler ran; the requester times out.
      this.logger.warn({ subject: message.subject, ...errorFields(error) }, 'reply not sent');
    }
  }

  private errorBody(subject: string, error: unknown): ErrorBody {
    if (error instanceof ResultsError) {
      this.logger.info({ subject, code: error.code }, 'request rejected');
      return { error: { code: error.code, message: error.message } };
    }
    this.logger.error({ subject, ...errorFields(error) }, 'request failed');
    return { error: { code: 'internal_error', message: 'Internal server error' } };
  }
}

/** Parses a request body as a JSON object. An empty body counts as `{}`. */
function parseRequest(data: Uint8Array): Record<string, unknown> {
  if (data.length === 0) {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(data));
  } catch {
    throw new InvalidRequestError('the body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidRequestError('the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
