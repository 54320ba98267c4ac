import { describe, expect, it } from '@jest/globals';
import { ImageTooLargeError, UnsupportedMediaTypeError } from '../errors/upload-errors.js';
import { heicHeaderOnly, pixelBombGif, pixelBombJpeg, pixelBombWebp } from '@lookout/testing';
import {
  animatedImage,
  baselineAndProgressiveJpeg,
  colourLayoutImage,
  type ColourLayout,
  ORIENTATIONS,
  orientedJpeg,
  UPRIGHT_HEIGHT,
  UPRIGHT_WIDTH,
} from '../../test/format-fixtures.js';
import { ImageInspector } from './image-inspector.js';

const MAX_PIXELS = 40_000_000;
const FRAME_COLOURS = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
] as const;

describe('ImageInspector on every image layout', () => {
  const inspector = new ImageInspector(MAX_PIXELS);

  it.each(ORIENTATIONS)('reports the upright size for EXIF orientation %i', async (orientation) => {
    const bytes = await orientedJpeg(orientation);

    const image = await inspector.inspect({ originalName: `oriented-${orientation}.jpg`, bytes });

    expect(image.width).toBe(UPRIGHT_WIDTH);
    expect(image.height).toBe(UPRIGHT_HEIGHT);
  });

  it.each<[ColourLayout, string]>([
    ['greyscale', 'png'],
    ['greyscale+alpha', 'png'],
    ['rgb', 'png'],
    ['rgba', 'png'],
    ['cmyk jpeg', 'jpeg'],
    ['16-bit png', 'png'],
    ['palette png', 'png'],
  ])('accepts a %s image', async (layout, format) => {
    const bytes = await colourLayoutImage(layout);

    const image = await inspector.inspect({ originalName: `${layout}.bin`, bytes });

    expect(image.format).toBe(format);
    expect([image.width, image.height, image.pages]).toEqual([8, 8, 1]);
  });

  it('accepts a progressive JPEG', async () => {
    const { progressive } = await baselineAndProgressiveJpeg();

    const image = await inspector.inspect({ originalName: 'progressive.jpg', bytes: progressive });

    expect(image.format).toBe('jpeg');
    expect([image.width, image.height]).toEqual([64, 48]);
  });

  it.each<'gif' | 'webp'>(['gif', 'webp'])('reports the frame size and frame count of an animated %s', async (format) => {
    const bytes = await animatedImage(format, FRAME_COLOURS, 16, 12);

    const image = await inspector.inspect({ originalName: `animated.${format}`, bytes });

    expect(image.format).toBe(format);
    expect(image.width).toBe(16);
    expect(image.height).toBe(12);
    expect(image.pages).toBe(3);
  });

  it('rejects HEIC as unsupported after reading only its header', async () => {
    const inspection = inspector.inspect({ originalName: 'IMG_0002.HEIC', bytes: heicHeaderOnly(4032, 3024) });

    await expect(inspection).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
  });

  it.each([
    ['JPEG', 'bomb.jpg', () => pixelBombJpeg(50_000, 50_000), '50000 x 50000 pixels (2500 megapixels)'],
    ['GIF', 'bomb.gif', () => pixelBombGif(50_000, 50_000), '50000 x 50000 pixels (2500 megapixels)'],
    ['WebP', 'bomb.webp', () => pixelBombWebp(16_383, 16_383), '16383 x 16383 pixels (268.4 megapixels)'],
  ])('rejects a %s pixel bomb from its header', async (_format, name, build, size) => {
    const bytes = await build();

    const inspection = inspector.inspect({ originalName: name, bytes });

    expect(bytes.length).toBeLessThan(1024);
    await expect(inspection).rejects.toBeInstanceOf(ImageTooLargeError);
    await expect(inspection).rejects.toThrow(`File '${name}' is ${size}; the limit is 40 megapixels.`);
  });
});
