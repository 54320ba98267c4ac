import { PubHeaders, type JetStreamClient, type JsMsg, type PubAck } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';

import { DEAD_LETTER_HEADERS, deadLetterMessageId, deadLetterSubject, lastErrorHeaderValue } from './dead-letter.headers.js';
import { DEAD_LETTER_STREAM } from './stream.constants.js';

/**
 * Copies a message that failed on its last delivery to the DEAD_LETTERS stream, with its original
 * bytes and headers naming where it came from. The caller terminates the original afterwards.
 */
export class DeadLetterPublisher {
  constructor(private readonly js: JetStreamClient) {}

  /**
   * Publishes the dead letter and resolves once the DEAD_LETTERS stream has stored it. A second call
   * for the same message and durable within the duplicate window resolves with `duplicate` set.
   */
  async publish(msg: JsMsg, error: unknown): Promise<PubAck> {
    const { stream, consumer, streamSequence, deliveryCount } = msg.info;
    const deadLetterHeaders = headers();
    deadLetterHeaders.set(DEAD_LETTER_HEADERS.stream, stream);
    deadLetterHeaders.set(DEAD_LETTER_HEADERS.subject, msg.subject);
    deadLetterHeaders.set(DEAD_LETTER_HEADERS.sequence, String(streamSequence));
    deadLetterHeaders.set(DEAD_LETTER_HEADERS.durable, consumer);
    deadLetterHeaders.set(DEAD_LETTER_HEADERS.deliveryCount, String(deliveryCount));
    deadLetterHeaders.set(DEAD_LETTER_HEADERS.lastError, lastErrorHeaderValue(error));
    const originalId = msg.headers?.get(PubHeaders.MsgIdHdr);
    if (originalId) {
      deadLetterHeaders.set(DEAD_LETTER_HEADERS.messageId, originalId);
    }

    return this.js.publish(deadLetterSubject(msg.subject), msg.data, {
      msgID: deadLetterMessageId(stream, consumer, streamSequence),
      headers: deadLetterHeaders,
      expect: { streamName: DEAD_LETTER_STREAM.name },
    });
  }
}
