import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { nanodetManifestFixture } from '../../test/support/manifest.fixture.js';
import { animatedImage, BLACK, BLOCK_BOX, BLUE, GREEN, RED, uprightImage, WHITE } from '../../test/support/format-fixtures.js';
import { colourDistance, colourRegion, maxTensorDistance, planeCount, rgbAt } from '../../test/support/tensor-pixels.js';
import { letterboxToOriginal } from './coordinates.js';
import { preprocessImage } from './preprocess.js';

const input = nanodetManifestFixture().input;
const EXACT = 1e-3;
const CONTENT = { x1: 0, y1: 52, x2: 416, y2: 364 };

/** Frame 0 is the red square on white; the later frames use other colours everywhere. */
async function frames(): Promise<Buffer[]> {
  return Promise.all([uprightImage(RED, WHITE), uprightImage(BLUE, BLACK), uprightImage(WHITE, GREEN)].map((image) => image.png().toBuffer()));
}

describe.each<'gif' | 'webp'>(['gif', 'webp'])('preprocessImage on an animated %s', (format) => {
  it('reads a three-frame fixture', async () => {
    const metadata = await sharp(await animatedImage(format, await frames())).metadata();

    expect(metadata.pages).toBe(3);
    expect([metadata.width, metadata.height]).toEqual([64, 48]);
  });

  it('runs on the first frame only', async () => {
    const [first] = await frames();
    const still = await preprocessImage(first!, input);

    const { tensor, letterbox } = await preprocessImage(await animatedImage(format, await frames()), input);

    expect(letterbox).toEqual(still.letterbox);
    expect(planeCount(tensor, input)).toBe(3);
    expect(colourDistance(rgbAt(tensor, input, 52, 104), RED)).toBeLessThan(EXACT);
    expect(colourDistance(rgbAt(tensor, input, 260, 247), WHITE)).toBeLessThan(EXACT);
    expect(maxTensorDistance(tensor, still.tensor, input)).toBeLessThan(EXACT);
  });

  it('maps the first frame square back to upright pixels', async () => {
    const { tensor, letterbox } = await preprocessImage(await animatedImage(format, await frames()), input);

    const region = colourRegion(tensor, input, RED, 128, CONTENT);
    const box = region === null ? null : letterboxToOriginal(region, letterbox);

    expect(box).not.toBeNull();
    for (const edge of ['x1', 'y1', 'x2', 'y2'] as const) {
      expect(Math.abs(box![edge] - BLOCK_BOX[edge])).toBeLessThanOrEqual(1 / 6.5);
    }
  });
});
