import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@lookout/runtime';
import { loadDetectorConfig, REPO_ROOT } from './detector-config.js';

describe('loadDetectorConfig', () => {
  it('fills defaults', () => {
    const config = loadDetectorConfig({});
    expect(config.port).toBe(3002);
    expect(config.modelDir).toBe(join(REPO_ROOT, 'models', 'nanodet-g-416'));
    expect(config.device).toBe('auto');
    expect(config.detectorId).toBe(`${hostname()}-${process.pid}`);
    expect(config.concurrency).toBe(2);
    expect(config.intraOpThreads).toBe(availableParallelism());
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
    expect(config.intraOpThreads).toBe(3);
    expect(config.thresholds).toEqual({ scoreThreshold: 0.5, iouThreshold: 0.45, maxDetections: 20 });
  });

  it('resolves a relative MODEL_DIR against the repository root', () => {
    expect(loadDetectorConfig({ MODEL_DIR: 'models/other' }).modelDir).toBe(join(REPO_ROOT, 'models', 'other'));
  });

  it('names invalid variables without their values', () => {
    const load = () => loadDetectorConfig({ DETECTOR_DEVICE: 'tpu', SCORE_THRESHOLD: '7', DETECTOR_CONCURRENCY: '0' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DETECTOR_DEVICE/);
    expect(load).toThrow(/SCORE_THRESHOLD/);
    expect(load).toThrow(/DETECTOR_CONCURRENCY/);
    expect(load).not.toThrow(/tpu/);
  });
});
