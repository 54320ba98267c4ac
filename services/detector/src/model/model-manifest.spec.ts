import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { nanodetManifestFixture, tinyManifestBase } from '../../test/support/manifest.fixture.js';
import { loadModelManifest, manifestOutputNames, ModelManifestError, parseModelManifest } from './model-manifest.js';

describe('model manifest', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'detector-manifest-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts a valid manifest', () => {
    const manifest = nanodetManifestFixture();
    expect(parseModelManifest(manifest, 'fixture')).toEqual(manifest);
  });

  it('lists output names in stride order', () => {
    expect(manifestOutputNames(nanodetManifestFixture())).toEqual(['scores_8', 'boxes_8', 'scores_16', 'boxes_16', 'scores_32', 'boxes_32']);
  });

  it('rejects a missing output pair', () => {
    const manifest = nanodetManifestFixture();
    delete manifest.outputs['16'];
    expect(() => parseModelManifest(manifest, 'fixture')).toThrow(/outputs\.16: missing the output pair of stride 16/);
  });

  it('rejects an input size that is not a multiple of a stride', () => {
    const manifest = nanodetManifestFixture();
    manifest.input.width = 420;
    expect(() => parseModelManifest(manifest, 'fixture')).toThrow(/not a multiple of stride 8/);
  });

  it('rejects a zero standard deviation', () => {
    const manifest = nanodetManifestFixture();
    manifest.input.std = [57.375, 0, 58.395];
    expect(() => parseModelManifest(manifest, 'fixture')).toThrow(ModelManifestError);
  });

  it('rejects an unknown channel order', () => {
    expect(() => parseModelManifest({ ...nanodetManifestFixture(), input: { ...nanodetManifestFixture().input, channelOrder: 'GRB' } }, 'fixture')).toThrow(
      /input\.channelOrder/,
    );
  });

  it('fills input defaults for a manifest without them', () => {
    const { scale, batch, resize, ...input } = nanodetManifestFixture().input;
    const { file, ...manifest } = nanodetManifestFixture();

    const parsed = parseModelManifest({ ...manifest, input }, 'fixture');

    expect(parsed.file).toBe('model.onnx');
    expect(parsed.input).toMatchObject({ scale: 1, batch: 1, resize: 'letterbox' });
  });

  it('accepts a dynamic batch and rejects batch 0', () => {
    const manifest = nanodetManifestFixture();
    expect(parseModelManifest({ ...manifest, input: { ...manifest.input, batch: 'dynamic' } }, 'fixture').input.batch).toBe('dynamic');
    expect(() => parseModelManifest({ ...manifest, input: { ...manifest.input, batch: 0 } }, 'fixture')).toThrow(/input\.batch/);
  });

  it('rejects a model file outside the folder', () => {
    expect(() => parseModelManifest({ ...nanodetManifestFixture(), file: '../other/model.onnx' }, 'fixture')).toThrow(/file: must be a file name/);
  });

  it('rejects an unknown family', () => {
    expect(() => parseModelManifest({ ...nanodetManifestFixture(), family: 'detr' }, 'fixture')).toThrow(/family/);
  });

  it('lists each family\'s output names', () => {
    const base = tinyManifestBase(2);
    const yolo = parseModelManifest({ ...base, family: 'yolov8', outputs: { predictions: 'output0' } }, 'yolov8');
    const end2end = parseModelManifest({ ...base, family: 'end2end', outputs: { detections: 'dets' } }, 'end2end');
    const ssd = parseModelManifest({ ...base, family: 'ssd', outputs: { boxes: 'b', scores: 's', classes: 'c', numDetections: 'n' } }, 'ssd');

    expect(manifestOutputNames(yolo)).toEqual(['output0']);
    expect(manifestOutputNames(end2end)).toEqual(['dets']);
    expect(manifestOutputNames(ssd)).toEqual(['b', 's', 'c', 'n']);
  });

  it('requires the family\'s outputs', () => {
    expect(() => parseModelManifest({ ...tinyManifestBase(2), family: 'ssd', outputs: { boxes: 'b', scores: 's' } }, 'ssd')).toThrow(/outputs\.classes/);
  });

  it('loads manifest.json from a folder', async () => {
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(nanodetManifestFixture()));
    await expect(loadModelManifest(dir)).resolves.toEqual(nanodetManifestFixture());
  });

  it('names the prepare command when the manifest is missing', async () => {
    await expect(loadModelManifest(join(dir, 'absent'))).rejects.toThrow(/not found; run `npm run model:prepare`/);
  });
});
