import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { nanodetManifestFixture } from '../../test/support/manifest.fixture.js';
import { ImageDecodeError, PAD_GREY, preprocessImage } from './preprocess.js';

const input = nanodetManifestFixture().input;
const PLANE = input.width * input.height;

/** Normalised value the tensor should hold for an RGB colour, per output plane (B, G, R). */
function expectedBgr(r: number, g: number, b: number): [number, number, number] {
  return [(b - input.mean[0]) / input.std[0], (g - input.mean[1]) / input.std[1], (r - input.mean[2]) / input.std[2]];
}

function tensorPixel(tensor: Float32Array, x: number, y: number): [number, number, number] {
  const index = y * input.width + x;
  return [tensor[index]!, tensor[PLANE + index]!, tensor[2 * PLANE + index]!];
}

function expectPixel(actual: [number, number, number], expected: [number, number, number], digits = 5): void {
  expect(actual[0]).toBeCloseTo(expected[0], digits);
  expect(actual[1]).toBeCloseTo(expected[1], digits);
  expect(actual[2]).toBeCloseTo(expected[2], digits);
}

async function png(pixels: number[], width: number, height: number, channels: 1 | 3 | 4): Promise<Buffer> {
  const image = sharp(Buffer.from(pixels), { raw: { width, height, channels } });
  // Without b-w, sharp writes one-band raw pixels as an RGB PNG.
  return (channels === 1 ? image.toColourspace('b-w') : image).png().toBuffer();
}

describe('preprocessImage', () => {
  it('normalises a red/blue image in BGR order', async () => {
    const image = await png([255, 0, 0, 0, 0, 255], 2, 1, 3);

    const { tensor, letterbox } = await preprocessImage(image, input);

    expect(tensor).toHaveLength(3 * PLANE);
    expect(letterbox).toEqual({ scale: 208, padLeft: 0, padTop: 104, resizedWidth: 416, resizedHeight: 208, originalWidth: 2, originalHeight: 1 });
    expectPixel(tensorPixel(tensor, 10, 200), expectedBgr(255, 0, 0));
    expectPixel(tensorPixel(tensor, 405, 200), expectedBgr(0, 0, 255));
  });

  it('fills the padding with the normalised grey', async () => {
    const image = await png([255, 0, 0, 0, 0, 255], 2, 1, 3);

    const { tensor } = await preprocessImage(image, input);

    const grey = expectedBgr(PAD_GREY.r, PAD_GREY.g, PAD_GREY.b);
    expectPixel(tensorPixel(tensor, 0, 0), grey);
    expectPixel(tensorPixel(tensor, 200, 103), grey);
    expectPixel(tensorPixel(tensor, 415, 312), grey);
    expectPixel(tensorPixel(tensor, 415, 415), grey);
  });

  it('flattens transparent pixels onto the grey', async () => {
    const transparent = Array.from({ length: 4 * 4 }, () => [255, 0, 0, 0]).flat();
    const image = await png(transparent, 4, 4, 4);

    const { tensor, letterbox } = await preprocessImage(image, input);

    expect(letterbox.padLeft).toBe(0);
    expect(letterbox.padTop).toBe(0);
    expectPixel(tensorPixel(tensor, 208, 208), expectedBgr(PAD_GREY.r, PAD_GREY.g, PAD_GREY.b));
  });

  it('expands a greyscale image to three channels', async () => {
    const image = await png(Array.from({ length: 8 * 8 }, () => 200), 8, 8, 1);

    const { tensor } = await preprocessImage(image, input);

    expectPixel(tensorPixel(tensor, 100, 300), expectedBgr(200, 200, 200));
  });

  it('applies EXIF orientation 6', async () => {
    // Stored 40x20, left half red and right half blue. Orientation 6 turns it 90 degrees clockwise
    // for display, so the upright image is 20x40 with red on top and blue below.
    const stored = Array.from({ length: 20 * 40 }, (_, index) => (index % 40 < 20 ? [255, 0, 0] : [0, 0, 255])).flat();
    const image = await sharp(Buffer.from(stored), { raw: { width: 40, height: 20, channels: 3 } })
      .jpeg({ quality: 100 })
      .withMetadata({ orientation: 6 })
      .toBuffer();

    const { tensor, letterbox } = await preprocessImage(image, input);

    expect(letterbox.originalWidth).toBe(20);
    expect(letterbox.originalHeight).toBe(40);
    expect(letterbox.resizedWidth).toBe(208);
    expect(letterbox.resizedHeight).toBe(416);
    expect(letterbox.padLeft).toBe(104);
    expect(letterbox.padTop).toBe(0);
    // JPEG chroma subsampling blurs the colours, so compare at one decimal of the normalised value.
    expectPixel(tensorPixel(tensor, 208, 50), expectedBgr(255, 0, 0), 0);
    expectPixel(tensorPixel(tensor, 208, 380), expectedBgr(0, 0, 255), 0);
  });

  it('rejects bytes that are not an image', async () => {
    await expect(preprocessImage(new TextEncoder().encode('not an image'), input)).rejects.toThrow(ImageDecodeError);
  });
});
