import { errorFields, type Logger } from '@lookout/runtime';
import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsConnectionOptions {
  /** Server URL, for example `nats://127.0.0.1:4222`. */
  url: string;
  /** Client name shown by the server's monitoring endpoints. */
  name: string;
  logger: Logger;
}

/**
 * Connects to NATS and logs connection changes until the connection closes.
 * The client reconnects without limit, so a restarting server does not stop the process.
 */
export async function connectNats({ url, name, logger }: NatsConnectionOptions): Promise<NatsConnection> {
  const nc = await connect({ servers: url, name, maxReconnectAttempts: -1 });
  // getServer() is host:port only, so credentials in the URL never reach the log.
  logger.info({ natsServer: nc.getServer(), connection: name }, 'connected to NATS');
  void logStatusChanges(nc, name, logger);
  return nc;
}

async function logStatusChanges(nc: NatsConnection, name: string, logger: Logger): Promise<void> {
  for await (const status of nc.status()) {
    switch (status.type) {
      case 'disconnect':
        logger.warn({ natsServer: status.server, connection: name }, 'disconnected from NATS and reconnecting');
        break;
      case 'reconnect':
        logger.info({ natsServer: status.server, connection: name }, 'reconnected to NATS');
        break;
      case 'error':
        logger.error({ connection: name, ...errorFields(status.error) }, 'NATS connection error');
        break;
      case 'slowConsumer':
        logger.warn({ connection: name, pending: status.pending }, 'NATS subscription is a slow consumer');
        break;
      default:
        break;
    }
  }
  const closedWith = await nc.closed();
  if (closedWith instanceof Error) {
    logger.error({ connection: name, ...errorFields(closedWith) }, 'NATS connection closed with an error');
  } else {
    logger.info({ connection: name }, 'NATS connection closed');
  }
}
