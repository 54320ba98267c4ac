import { describe, expect, it } from '@jest/globals';
import { ImageTooLargeError, UndecodableImageError, UnsupportedMediaTypeError } from '../errors/upload-errors.js';
import { heicHeaderOnly, pixelBombPng } from '@lookout/testing';
import { noiseImage, rotatedJpeg, truncated, type FixtureFormat } from '../../test/image-fixtures.js';
import { ImageInspector } from './image-inspector.js';

const MAX_PIXELS = 40_000_000;

describe('ImageInspector', () => {
  const inspector = new ImageInspector(MAX_PIXELS);

  it.each<[FixtureFormat, string, string]>([
    ['jpeg', 'image/jpeg', 'jpg'],
    ['png', 'image/png', 'png'],
    ['webp', 'image/webp', 'webp'],
    ['gif', 'image/gif', 'gif'],
    ['avif', 'image/avif', 'avif'],
    ['tiff', 'image/tiff', 'tiff'],
  ])('accepts %s', async (format, contentType, extension) => {
    const bytes = await noiseImage(format, 64, 48);

    const image = await inspector.inspect({ originalName: 'upload.bin', bytes });

    expect(image.format).toBe(format);
    expect(image.contentType).toBe(contentType);
    expect(image.extension).toBe(extension);
    expect(image.width).toBe(64);
    expect(image.height).toBe(48);
    expect(image.pages).toBe(1);
  });

  it('detects the format from bytes, not the name', async () => {
    const bytes = await noiseImage('png');

    const image = await inspector.inspect({ originalName: 'photo.jpg', bytes });

    expect(image.format).toBe('png');
  });

  it('reports the upright size of an EXIF-rotated JPEG', async () => {
    const bytes = await rotatedJpeg(64, 48);

    const image = await inspector.inspect({ originalName: 'rotated.jpg', bytes });

    expect(image.width).toBe(48);
    expect(image.height).toBe(64);
  });

  it('rejects text named x.jpg as unsupported', async () => {
    const bytes = Buffer.from('This is a plain text file, not a JPEG.\n');

    const inspection = inspector.inspect({ originalName: 'x.jpg', bytes });

    await expect(inspection).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
    await expect(inspection).rejects.toThrow("File 'x.jpg' is not a recognised image");
  });

  it('rejects an empty file as unsupported', async () => {
    const inspection = inspector.inspect({ originalName: 'empty.png', bytes: Buffer.alloc(0) });

    await expect(inspection).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
    await expect(inspection).rejects.toThrow("File 'empty.png' is empty");
  });

  it('rejects a PDF as unsupported', async () => {
    const bytes = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

    await expect(inspector.inspect({ originalName: 'doc.pdf', bytes })).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
  });

  it('rejects an SVG that libvips could render', async () => {
    const bytes = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');

    const inspection = inspector.inspect({ originalName: 'icon.svg', bytes });

    await expect(inspection).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
    await expect(inspection).rejects.toThrow("File 'icon.svg' is svg");
  });

  it('rejects HEIC, which libvips here cannot decode', async () => {
    const bytes = heicHeaderOnly(4032, 3024);

    const inspection = inspector.inspect({ originalName: 'IMG_0001.HEIC', bytes });

    await expect(inspection).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
    await expect(inspection).rejects.toThrow("File 'IMG_0001.HEIC' is HEIC (HEVC)");
  });

  it.each<FixtureFormat>(['jpeg', 'png'])('rejects a truncated %s as undecodable', async (format) => {
    const bytes = truncated(await noiseImage(format, 320, 240));

    const inspection = inspector.inspect({ originalName: `cut.${format}`, bytes });

    await expect(inspection).rejects.toBeInstanceOf(UndecodableImageError);
    await expect(inspection).rejects.toThrow(`File 'cut.${format}' could not be decoded as a ${format} image`);
  });

  it('rejects a pixel bomb from its header', async () => {
    const bytes = pixelBombPng(50_000, 50_000);

    const inspection = inspector.inspect({ originalName: 'bomb.png', bytes });

    // The IDAT data cannot fill the canvas, so a decode would have raised
    // UndecodableImageError (or sharp's own pixel limit error) instead.
    await expect(inspection).rejects.toBeInstanceOf(ImageTooLargeError);
    await expect(inspection).rejects.toThrow(
      "File 'bomb.png' is 50000 x 50000 pixels (2500 megapixels); the limit is 40 megapixels.",
    );
  });

  it('accepts an image of exactly the pixel limit', async () => {
    const bytes = await noiseImage('png', 64, 48);

    const image = await new ImageInspector(64 * 48).inspect({ originalName: 'edge.png', bytes });

    expect(image.width * image.height).toBe(64 * 48);
  });

  it('rejects an image one row over the pixel limit', async () => {
    const bytes = await noiseImage('png', 64, 49);

    const inspection = new ImageInspector(64 * 48).inspect({ originalName: 'over.png', bytes });

    await expect(inspection).rejects.toBeInstanceOf(ImageTooLargeError);
  });
});
