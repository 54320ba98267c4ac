import { createLogger, errorFields, type Logger } from '@lookout/runtime';
import type { NatsConnection } from '@nats-io/transport-node';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { connectNats } from './connect-nats.js';
import { ensureStreams } from './ensure-streams.js';
import { EventPublisher } from './event.publisher.js';
import { HandlerErrorInterceptor } from './handler-error.interceptor.js';
import { MESSAGING_LOGGER, NATS_CONNECTION } from './messaging.tokens.js';

export interface MessagingModuleOptions {
  url: string;
  /** Client name of the connection, usually the service name. */
  name: string;
  /** Logger for connection changes and publishes. Defaults to a new logger named after `name`. */
  logger?: Logger;
}

/**
 * Opens one NATS connection for the application, makes sure the streams exist and
 * provides NATS_CONNECTION and EventPublisher to every module.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    @Inject(MESSAGING_LOGGER) private readonly logger: Logger,
  ) {}

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_LOGGER, useValue: options.logger ?? createLogger(options.name) },
        {
          provide: NATS_CONNECTION,
          inject: [MESSAGING_LOGGER],
          useFactory: async (logger: Logger): Promise<NatsConnection> => {
            const nc = await connectNats({ url: options.url, name: options.name, logger });
            try {
              await ensureStreams(nc);
            } catch (error) {
              await nc.close();
              throw error;
            }
            return nc;
          },
        },
        {
          provide: EventPublisher,
          inject: [NATS_CONNECTION, MESSAGING_LOGGER],
          useFactory: (nc: NatsConnection, logger: Logger) => new EventPublisher(nc, logger),
        },
        { provide: APP_INTERCEPTOR, useClass: HandlerErrorInterceptor },
      ],
      exports: [NATS_CONNECTION, EventPublisher, MESSAGING_LOGGER],
    };
  }

  /**
   * Drains the connection. Nest runs this hook after it has closed the microservices,
   * so handlers that were still running could publish their results first.
   */
  async onApplicationShutdown(): Promise<void> {
    if (this.connection.isClosed()) {
      return;
    }
    try {
      await this.connection.drain();
    } catch (error) {
      this.logger.error(errorFields(error), 'draining the NATS connection failed');
    }
  }
}
