import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { nanodetManifestFixture } from '../../test/support/manifest.fixture.js';
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

  it('loads manifest.json from a folder', async () => {
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(nanodetManifestFixture()));
    await expect(loadModelManifest(dir)).resolves.toEqual(nanodetManifestFixture());
  });

  it('names the prepare command when the manifest is missing', async () => {
    await expect(loadModelManifest(join(dir, 'absent'))).rejects.toThrow(/not found; run `npm run model:prepare`/);
  });
});
