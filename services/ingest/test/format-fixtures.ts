import sharp from 'sharp';

/** Size of the upright test picture: wider than tall, so a missed rotation shows in the size. */
export const UPRIGHT_WIDTH = 64;
export const UPRIGHT_HEIGHT = 48;
/** Side of the red square in the top-left corner of the upright picture. */
export const BLOCK_SIZE = 16;

export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const ORIENTATIONS: readonly Orientation[] = [1, 2, 3, 4, 5, 6, 7, 8];

const RGB_CHANNELS = 3;

/** Raw RGB pixels of the upright picture: a red square top-left on white. */
function uprightPixels(): Buffer {
  const pixels = Buffer.alloc(UPRIGHT_WIDTH * UPRIGHT_HEIGHT * RGB_CHANNELS, 255);
  for (let y = 0; y < BLOCK_SIZE; y += 1) {
    for (let x = 0; x < BLOCK_SIZE; x += 1) {
      pixels.set([255, 0, 0], (y * UPRIGHT_WIDTH + x) * RGB_CHANNELS);
    }
  }
  return pixels;
}

/**
 * Returns where the stored pixel (x, y) appears in the upright picture when a
 * viewer applies EXIF `orientation` to a stored image of `storedWidth` x `storedHeight`.
 */
function uprightPosition(orientation: Orientation, x: number, y: number, storedWidth: number, storedHeight: number): [number, number] {
  switch (orientation) {
    case 1:
      return [x, y];
    case 2:
      return [storedWidth - 1 - x, y];
    case 3:
      return [storedWidth - 1 - x, storedHeight - 1 - y];
    case 4:
      return [x, storedHeight - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [storedHeight - 1 - y, x];
    case 7:
      return [storedHeight - 1 - y, storedWidth - 1 - x];
    case 8:
      return [y, storedWidth - 1 - x];
  }
}

/**
 * Encodes the upright picture as a JPEG whose stored pixels are turned so that
 * applying EXIF `orientation` shows the same upright picture for every value.
 * Orientations 5 to 8 swap the stored width and height.
 */
export async function orientedJpeg(orientation: Orientation): Promise<Buffer> {
  const upright = uprightPixels();
  const swapsAxes = orientation >= 5;
  const storedWidth = swapsAxes ? UPRIGHT_HEIGHT : UPRIGHT_WIDTH;
  const storedHeight = swapsAxes ? UPRIGHT_WIDTH : UPRIGHT_HEIGHT;
  const stored = Buffer.alloc(upright.length);
  for (let y = 0; y < storedHeight; y += 1) {
    for (let x = 0; x < storedWidth; x += 1) {
      const [uprightX, uprightY] = uprightPosition(orientation, x, y, storedWidth, storedHeight);
      const from = (uprightY * UPRIGHT_WIDTH + uprightX) * RGB_CHANNELS;
      upright.copy(stored, (y * storedWidth + x) * RGB_CHANNELS, from, from + RGB_CHANNELS);
    }
  }
  return sharp(stored, { raw: { width: storedWidth, height: storedHeight, channels: RGB_CHANNELS } })
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .withMetadata({ orientation })
    .toBuffer();
}

/** Encodes an animated image of `width` x `height` frames, one solid colour per frame. */
export async function animatedImage(format: 'gif' | 'webp', colours: ReadonlyArray<readonly [number, number, number]>, width = 16, height = 12): Promise<Buffer> {
  const frames = await Promise.all(
    colours.map(([r, g, b]) => sharp({ create: { width, height, channels: 3, background: { r, g, b } } }).png().toBuffer()),
  );
  const animation = sharp(frames, { join: { animated: true } });
  return format === 'gif' ? animation.gif().toBuffer() : animation.webp({ lossless: true }).toBuffer();
}

export const COLOUR_LAYOUTS = ['greyscale', 'greyscale+alpha', 'rgb', 'rgba', 'cmyk jpeg', '16-bit png', 'palette png'] as const;
export type ColourLayout = (typeof COLOUR_LAYOUTS)[number];

/** Encodes an 8 x 8 image of one colour in a colour layout that libvips decodes; the alpha layouts are half transparent. */
export async function colourLayoutImage(layout: ColourLayout): Promise<Buffer> {
  const solid = (channels: 3 | 4, alpha = 1) =>
    sharp({ create: { width: 8, height: 8, channels, background: { r: 200, g: 60, b: 20, alpha } } });
  switch (layout) {
    case 'greyscale':
      return solid(3).toColourspace('b-w').png().toBuffer();
    case 'greyscale+alpha':
      return solid(4, 0.5).toColourspace('b-w').png().toBuffer();
    case 'rgb':
      return solid(3).png().toBuffer();
    case 'rgba':
      return solid(4, 0.5).png().toBuffer();
    case 'cmyk jpeg':
      return solid(3).toColourspace('cmyk').jpeg().toBuffer();
    case '16-bit png':
      return solid(4).toColourspace('rgb16').png().toBuffer();
    case 'palette png':
      return solid(3).png({ palette: true }).toBuffer();
  }
}

/** Encodes the same noise image as a baseline and as a progressive JPEG. */
export async function baselineAndProgressiveJpeg(): Promise<{ baseline: Buffer; progressive: Buffer }> {
  const noise = sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  });
  const pixels = await noise.raw().toBuffer();
  const encode = (progressive: boolean) => sharp(pixels, { raw: { width: 64, height: 48, channels: 3 } }).jpeg({ quality: 90, progressive }).toBuffer();
  return { baseline: await encode(false), progressive: await encode(true) };
}

