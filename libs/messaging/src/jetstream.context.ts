import { BaseRpcContext } from '@nestjs/microservices';
import type { MsgHdrs } from '@nats-io/transport-node';

/** Delivery details of one JetStream message, as passed to its handler. */
export interface JetStreamDelivery {
  /** NATS subject the message was published on. */
  subject: string;
  stream: string;
  /** Durable consumer name. */
  durable: string;
  streamSequence: number;
  /** 1 on the first delivery, 2 on the first redelivery, and so on. */
  deliveryCount: number;
  /**
   * Deliveries the binding allows before a failing message moves to the dead-letter stream, where a
   * value below 1 means unlimited. The server's `max_deliver` is one higher, for a spare delivery.
   */
  maxDeliver: number;
  headers?: MsgHdrs;
  /** Tells the server the message is still being processed, restarting its ack wait. */
  extendAckDeadline: () => void;
}

/** The `@Ctx()` argument of a JetStream event handler. */
export class JetStreamContext extends BaseRpcContext<[JetStreamDelivery]> {
  constructor(delivery: JetStreamDelivery) {
    super([delivery]);
  }

  get subject(): string {
    return this.delivery.subject;
  }

  get stream(): string {
    return this.delivery.stream;
  }

  get durable(): string {
    return this.delivery.durable;
  }

  get streamSequence(): number {
    return this.delivery.streamSequence;
  }

  get deliveryCount(): number {
    return this.delivery.deliveryCount;
  }

  get headers(): MsgHdrs | undefined {
    return this.delivery.headers;
  }

  /**
   * True when a failure now moves the message to the dead-letter stream instead of scheduling another
   * delivery. Also true on the spare delivery after a process stopped during the last one.
   */
  get isLastDelivery(): boolean {
    return this.delivery.maxDeliver >= 1 && this.delivery.deliveryCount >= this.delivery.maxDeliver;
  }

  /**
   * Restarts the message's ack wait. The transport already does this every half ack wait
   * while the handler runs, so a handler rarely needs to call it.
   */
  working(): void {
    this.delivery.extendAckDeadline();
  }

  private get delivery(): JetStreamDelivery {
    return this.args[0];
  }
}
