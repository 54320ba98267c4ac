import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JetStreamApiError, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { INestApplication } from '@nestjs/common';
import { InferenceSession } from 'onnxruntime-node';
import { createEvent, STREAMS, SUBJECTS } from '@lookout/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@lookout/messaging';
import { createLogger } from '@lookout/runtime';
import { freePort, startNats, type NatsHandle } from '@lookout/testing';
import { loadDetectorConfig, type DetectorConfig } from '../config/detector-config.js';
import { DETECTOR_DURABLE, startDetectorApp } from '../detector-app.js';
import { MODEL_FILE } from '../model/model-manifest.js';
import { assertRealModelPresent, REAL_MODEL_DIR } from '../../test/support/real-model.js';

const logger = createLogger('detector-test', 'silent');

/** Whether onnxruntime-node can create a CUDA session on this host, which decides what the detector should report. */
async function cudaLoads(): Promise<boolean> {
  try {
    const session = await InferenceSession.create(join(REAL_MODEL_DIR, MODEL_FILE), { executionProviders: ['cuda'] });
    await session.release();
    return true;
  } catch {
    return false;
  }
}

describe('DETECTOR_DEVICE=cuda', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let config: DetectorConfig;
  let app: INestApplication;
  let hasCuda: boolean;

  beforeAll(async () => {
    assertRealModelPresent();
    hasCuda = await cudaLoads();
    nats = await startNats();
    nc = await connectNats({ url: nats.url, name: 'detector-cuda-test', logger });
    await ensureStreams(nc);
    jsm = await jetstreamManager(nc);
    config = loadDetectorConfig({
      NATS_URL: nats.url,
      S3_BUCKET: 'lookout-cuda-test',
      DETECTOR_PORT: String(await freePort()),
      DETECTOR_HOST: '127.0.0.1',
      DETECTOR_ID: 'detector-cuda',
      DETECTOR_DEVICE: 'cuda',
      LOG_LEVEL: 'silent',
    });
    app = await startDetectorApp(config, logger);
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await nats?.stop();
  });

  it('reports the device on /health', async () => {
    const response = await fetch(`http://127.0.0.1:${config.port}/health`);
    const body = (await response.json()) as Record<string, unknown>;

    if (hasCuda) {
      expect(response.status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', executionProvider: 'cuda' });
      return;
    }
    expect(response.status).toBe(503);
    expect(body).toMatchObject({
      status: 'unavailable',
      reason: 'cuda_unavailable',
      device: 'cuda',
      detectorId: 'detector-cuda',
      error: { code: 'cuda_unavailable', message: expect.stringMatching(/DETECTOR_DEVICE is cuda/) },
    });
  });

  it('takes no jobs without CUDA', async () => {
    if (hasCuda) {
      // With CUDA the detector consumes as usual, which the other detector suites cover.
      return;
    }
    const imageId = randomUUID();
    const upload = createEvent(SUBJECTS.imageUploaded, {
      source: '/lookout/detector-test',
      subject: imageId,
      data: {
        imageId,
        object: { bucket: 'lookout-cuda-test', key: `images/${imageId}.jpg` },
        contentType: 'image/jpeg',
        format: 'jpeg',
        bytes: 1234,
        width: 640,
        height: 480,
        uploadedAt: new Date().toISOString(),
      },
    });
    await new EventPublisher(nc, logger).publish(SUBJECTS.imageUploaded, upload);

    // The consumer is created only when consuming starts, so its absence shows no job can be taken.
    const consumer = jsm.consumers.info(STREAMS.images.name, DETECTOR_DURABLE);
    await expect(consumer).rejects.toBeInstanceOf(JetStreamApiError);
    const { state } = await jsm.streams.info(STREAMS.images.name);
    expect(state.messages).toBe(1);
  });
});
