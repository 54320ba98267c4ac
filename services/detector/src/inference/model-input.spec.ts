import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { nanodetManifestFixture, tinyInput } from '../../test/support/manifest.fixture.js';
import { modelInputSchema } from '../model/model-manifest.js';
import { prepareModelInput } from './model-input.js';
import { preprocessImage } from './preprocess.js';

/** Encodes a 2x1 PNG with red on the left and blue on the right. */
async function redBluePng(): Promise<Buffer> {
  return sharp(Buffer.from([255, 0, 0, 0, 0, 255]), { raw: { width: 2, height: 1, channels: 3 } }).png().toBuffer();
}

function input(overrides: Parameters<typeof tinyInput>[0]) {
  return modelInputSchema.parse(tinyInput({ width: 8, height: 8, ...overrides }));
}

describe('prepareModelInput', () => {
  it('matches preprocessImage for a letterboxed NCHW model', async () => {
    const image = await redBluePng();
    const nanodet = nanodetManifestFixture().input;

    const prepared = await prepareModelInput(image, nanodet);
    const reference = await preprocessImage(image, nanodet);

    expect(prepared.frame).toEqual(reference.letterbox);
    expect(prepared.tensor).toEqual(reference.tensor);
  });

  it('applies the scale before mean and std', async () => {
    const { tensor } = await prepareModelInput(await redBluePng(), input({ mean: [0.5, 0, 0], std: [0.5, 1, 1] }));

    // Row 3 lies inside the letterboxed content (rows 2..5); red at x 0: (1 - 0.5) / 0.5 = 1 on R, 0 on G.
    const plane = 64;
    expect(tensor[3 * 8 + 0]).toBeCloseTo(1, 5);
    expect(tensor[plane + 3 * 8 + 0]).toBeCloseTo(0, 5);
    expect(tensor[2 * plane + 3 * 8 + 7]).toBeCloseTo(1, 5);
  });

  it('interleaves channels for NHWC', async () => {
    const image = await redBluePng();

    const planar = await prepareModelInput(image, input({}));
    const interleaved = await prepareModelInput(image, input({ layout: 'NHWC' }));

    for (const pixel of [0, 27, 63]) {
      for (const channel of [0, 1, 2]) {
        expect(interleaved.tensor[pixel * 3 + channel]).toBe(planar.tensor[channel * 64 + pixel]);
      }
    }
  });

  it('stretches over the whole input without padding', async () => {
    const { tensor, frame } = await prepareModelInput(await redBluePng(), input({ resize: 'stretch' }));

    expect(frame).toMatchObject({ padLeft: 0, padTop: 0, resizedWidth: 8, resizedHeight: 8, originalWidth: 2, originalHeight: 1 });
    const plane = 64;
    // Top-left is red and bottom-right blue: the letterbox's grey rows are gone.
    expect(tensor[0]).toBeCloseTo(1, 2);
    expect(tensor[2 * plane]).toBeCloseTo(0, 2);
    expect(tensor[63]).toBeCloseTo(0, 2);
    expect(tensor[2 * plane + 63]).toBeCloseTo(1, 2);
  });
});
