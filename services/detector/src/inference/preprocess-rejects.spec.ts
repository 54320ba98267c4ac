import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { nanodetManifestFixture } from '../../test/support/manifest.fixture.js';
import { uprightImage, RED, WHITE } from '../../test/support/format-fixtures.js';
import { heicHeaderOnly, pixelBombGif, pixelBombJpeg, pixelBombPng, pixelBombWebp } from '@lookout/testing';
import { ImageDecodeError, preprocessImage } from './preprocess.js';

const input = nanodetManifestFixture().input;

async function decodeError(bytes: Uint8Array, maxPixels?: number): Promise<ImageDecodeError> {
  try {
    await preprocessImage(bytes, input, { maxPixels });
  } catch (error) {
    if (error instanceof ImageDecodeError) {
      return error;
    }
    throw error;
  }
  throw new Error('preprocessImage accepted the image');
}

describe('preprocessImage rejections', () => {
  it('rejects HEIC, whose header decodes but whose HEVC pixels cannot', async () => {
    const bytes = heicHeaderOnly(4032, 3024);
    expect((await sharp(bytes).metadata()).format).toBe('heif');

    const error = await decodeError(bytes);

    expect(error.code).toBe('decode_failed');
    expect(error.message).toBe('Failed to decode the image: HEIC (hevc compression) cannot be decoded here');
  });

  // The limit is DEFAULT_MAX_INPUT_PIXELS, 40 megapixels, as in the ingest service.
  it.each([
    ['PNG', async () => pixelBombPng(50_000, 50_000), '50000 x 50000'],
    ['JPEG', () => pixelBombJpeg(50_000, 50_000), '50000 x 50000'],
    ['GIF', () => pixelBombGif(50_000, 50_000), '50000 x 50000'],
    ['WebP', () => pixelBombWebp(16_383, 16_383), '16383 x 16383'],
  ])('rejects a %s pixel bomb from its header', async (_format, build, size) => {
    const bytes = await build();

    const error = await decodeError(bytes);

    expect(bytes.length).toBeLessThan(1024);
    expect(error.code).toBe('decode_failed');
    // This message comes from the header check, so no pixel was decoded.
    expect(error.message).toBe(`Failed to decode the image: it is ${size} pixels, over the limit of 40000000 pixels`);
  });

  it('decodes an image of exactly maxPixels', async () => {
    const bytes = await uprightImage(RED, WHITE).png().toBuffer();

    const { letterbox } = await preprocessImage(bytes, input, { maxPixels: 64 * 48 });

    expect([letterbox.originalWidth, letterbox.originalHeight]).toEqual([64, 48]);
  });

  it('rejects an image one pixel over maxPixels', async () => {
    const bytes = await uprightImage(RED, WHITE).png().toBuffer();

    const error = await decodeError(bytes, 64 * 48 - 1);

    expect(error.message).toBe('Failed to decode the image: it is 64 x 48 pixels, over the limit of 3071 pixels');
  });

  it('rejects a truncated JPEG', async () => {
    const noise = sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 255, g: 255, b: 255 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
    const bytes = await noise.jpeg().toBuffer();

    const error = await decodeError(bytes.subarray(0, Math.floor(bytes.length / 2)));

    expect(error.code).toBe('decode_failed');
  });
});
