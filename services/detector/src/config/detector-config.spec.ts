import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@lookout/runtime';
import { availableCpus } from './available-cpus.js';
import { loadDetectorConfig, REPO_ROOT } from './detector-config.js';

describe('loadDetectorConfig', () => {
  it('fills defaults', () => {
    const config = loadDetectorConfig({});
    expect(config.port).toBe(3002);
    expect(config.modelDir).toBe(join(REPO_ROOT, 'models', 'nanodet-g-416'));
    expect(config.device).toBe('auto');
    expect(config.detectorId).toBe(`${hostname()}-${process.pid}`);
    expect(config.concurrency).toBe(2);
    expect(config.batch).toEqual({ maxSize: 1, maxWaitMs: 10 });
    expect(config.intraOpThreads).toBe(availableCpus().count);
    expect(config.delivery).toEqual({ maxDeliver: 5, retryDelay: { initialDelayMs: 1_000, maxDelayMs: 60_000 } });
    expect(config.thresholds).toEqual({ scoreThreshold: undefined, iouThreshold: undefined, maxDetections: undefined });
  });

  it('finds the repository root', () => {
    expect(join(REPO_ROOT, 'services', 'detector', 'src', 'config')).toBe(import.meta.dirname);
  });

  it('reads overrides', () => {
    const config = loadDetectorConfig({
      DETECTOR_PORT: '4002',
      MODEL_DIR: '/opt/models/x',
      DETECTOR_DEVICE: 'cuda',
      DETECTOR_ID: 'detector-a',
      DETECTOR_CONCURRENCY: '4',
      DETECTOR_BATCH_SIZE: '2',
      DETECTOR_BATCH_WAIT_MS: '0',
      DETECTOR_INTRA_OP_THREADS: '3',
      SCORE_THRESHOLD: '0.5',
      IOU_THRESHOLD: '0.45',
      MAX_DETECTIONS: '20',
    });
    expect(config.port).toBe(4002);
    expect(config.modelDir).toBe('/opt/models/x');
    expect(config.device).toBe('cuda');
    expect(config.detectorId).toBe('detector-a');
    expect(config.concurrency).toBe(4);
    expect(config.batch).toEqual({ maxSize: 2, maxWaitMs: 0 });
    expect(config.intraOpThreads).toBe(3);
    expect(config.thresholds).toEqual({ scoreThreshold: 0.5, iouThreshold: 0.45, maxDetections: 20 });
  });

  it('keeps a full batch in flight', () => {
    expect(loadDetectorConfig({ DETECTOR_CONCURRENCY: '3', DETECTOR_BATCH_SIZE: '16' }).concurrency).toBe(16);
    expect(loadDetectorConfig({ DETECTOR_CONCURRENCY: '3', DETECTOR_BATCH_SIZE: '1' }).concurrency).toBe(3);
  });

  it('reads the redelivery settings', () => {
    const config = loadDetectorConfig({ DETECTOR_MAX_DELIVER: '3', DETECTOR_RETRY_BASE_MS: '50', DETECTOR_RETRY_MAX_MS: '200' });

    expect(config.delivery).toEqual({ maxDeliver: 3, retryDelay: { initialDelayMs: 50, maxDelayMs: 200 } });
  });

  it('rejects a retry cap below the base delay', () => {
    const load = () => loadDetectorConfig({ DETECTOR_RETRY_BASE_MS: '500', DETECTOR_RETRY_MAX_MS: '100' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DETECTOR_RETRY_MAX_MS/);
  });

  it('names the source of the thread count', () => {
    expect(loadDetectorConfig({ DETECTOR_INTRA_OP_THREADS: '3' }).intraOpThreadsSource).toBe('DETECTOR_INTRA_OP_THREADS');
    expect(loadDetectorConfig({}).intraOpThreadsSource).toBe(availableCpus().source);
  });

  it('resolves a relative MODEL_DIR against the repository root', () => {
    expect(loadDetectorConfig({ MODEL_DIR: 'models/other' }).modelDir).toBe(join(REPO_ROOT, 'models', 'other'));
  });

  it('names invalid variables without their values', () => {
    const load = () =>
      loadDetectorConfig({ DETECTOR_DEVICE: 'tpu', SCORE_THRESHOLD: '7', DETECTOR_CONCURRENCY: '0', DETECTOR_BATCH_SIZE: '0', DETECTOR_BATCH_WAIT_MS: '-1' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DETECTOR_DEVICE/);
    expect(load).toThrow(/SCORE_THRESHOLD/);
    expect(load).toThrow(/DETECTOR_CONCURRENCY/);
    expect(load).toThrow(/DETECTOR_BATCH_SIZE/);
    expect(load).toThrow(/DETECTOR_BATCH_WAIT_MS/);
    expect(load).not.toThrow(/tpu/);
  });
});
