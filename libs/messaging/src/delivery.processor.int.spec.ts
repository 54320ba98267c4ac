import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, encodeEvent, STREAMS, SUBJECTS, type CloudEvent, type Subject } from '@lookout/contracts';
import { startNats, type NatsHandle } from '@lookout/testing';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';

import { LogCapture } from '../test/log-capture.js';
import { connectNats } from './connect-nats.js';
import { resolveConsumerBinding } from './consumer-binding.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { ensureConsumer } from './ensure-consumer.js';
import { ensureStreams } from './ensure-streams.js';
import type { JetStreamContext } from './jetstream.context.js';

interface Dispatched {
  subject: Subject;
  event: CloudEvent<unknown>;
  contextSubject: string;
}

describe('DeliveryProcessor on per-label subjects', () => {
  const binding = resolveConsumerBinding({ stream: STREAMS.detections.name, durable: 'found-test', filterSubject: `${SUBJECTS.detectionFound}.*` });
  let nats: NatsHandle;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let logs: LogCapture;

  beforeAll(async () => {
    nats = await startNats();
    logs = new LogCapture();
    nc = await connectNats({ url: nats.url, name: 'delivery-processor-test', logger: logs.logger });
    await ensureStreams(nc);
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
    await ensureConsumer(jsm, binding);
  });

  afterAll(async () => {
    await nc.close();
    await nats.stop();
  });

  /** Fetches the next message of the test durable and runs it through a DeliveryProcessor that records what it dispatches. */
  async function processNext(): Promise<{ msg: JsMsg; dispatched: Dispatched[] }> {
    const dispatched: Dispatched[] = [];
    const dispatch = async (subject: Subject, event: CloudEvent<unknown>, context: JetStreamContext) => {
      dispatched.push({ subject, event, contextSubject: context.subject });
    };
    const processor = new DeliveryProcessor(binding, dispatch, new DeadLetterPublisher(js), logs.logger);
    const consumer = await js.consumers.get(binding.stream, binding.durable);
    const msg = await consumer.next({ expires: 5_000 });
    if (msg === null) {
      throw new Error('no message arrived within 5 s');
    }
    await processor.process(msg);
    return { msg, dispatched };
  }

  function foundEvent(label: string) {
    const imageId = randomUUID();
    return createEvent(SUBJECTS.detectionFound, {
      source: '/lookout/messaging-test',
      subject: imageId,
      data: {
        imageId,
        jobId: randomUUID(),
        label,
        classId: 9,
        maxScore: 0.8,
        count: 1,
        detections: [{ label, classId: 9, score: 0.8, box: { x1: 1, y1: 2, x2: 3, y2: 4 } }],
        width: 640,
        height: 480,
        model: { id: 'test-model', version: '1' },
        executionProvider: 'cpu',
        completedAt: new Date().toISOString(),
      },
    });
  }

  it('decodes a per-label event with its contract', async () => {
    const event = foundEvent('traffic light');
    await js.publish('detections.found.v1.traffic_light', encodeEvent(event), { msgID: event.id });

    const { dispatched } = await processNext();
    const info = await jsm.consumers.info(binding.stream, binding.durable);

    expect(dispatched).toEqual([{ subject: SUBJECTS.detectionFound, event, contextSubject: 'detections.found.v1.traffic_light' }]);
    expect(info.num_ack_pending).toBe(0);
  });

  it('terminates another contract on a per-label subject', async () => {
    const wrongKind = foundEvent('dog');
    const mislabelled = { ...wrongKind, type: 'io.lookout.detections.completed.v1' };
    const { seq } = await js.publish('detections.found.v1.dog', new TextEncoder().encode(JSON.stringify(mislabelled)));

    const { dispatched } = await processNext();
    const terminated = await logs.waitForMessage('invalid event terminated', (line) => line.seq === seq);

    expect(dispatched).toEqual([]);
    expect(terminated).toMatchObject({ subject: 'detections.found.v1.dog', err: { name: 'InvalidEventError' } });
  });
});
