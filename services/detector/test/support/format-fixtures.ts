import sharp, { type Sharp } from 'sharp';

/** Size of the upright test picture: wider than tall, so a missed rotation shows in the letterbox. */
export const UPRIGHT_WIDTH = 64;
export const UPRIGHT_HEIGHT = 48;
/** Side of the square in the top-left corner of the upright picture; a multiple of the 8-pixel JPEG block. */
export const BLOCK_SIZE = 16;
/** Where the square sits in upright-original pixels. */
export const BLOCK_BOX = { x1: 0, y1: 0, x2: BLOCK_SIZE, y2: BLOCK_SIZE } as const;

export type Rgb = readonly [number, number, number];
export const RED: Rgb = [255, 0, 0];
export const WHITE: Rgb = [255, 255, 255];
export const GREEN: Rgb = [0, 255, 0];
export const BLUE: Rgb = [0, 0, 255];
export const BLACK: Rgb = [0, 0, 0];

export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const ORIENTATIONS: readonly Orientation[] = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * Raw pixels of the upright picture with `channels` bands: `block` in the
 * top-left square and `background` elsewhere, one value per band. `factor`
 * enlarges the picture and its square by a whole number.
 */
export function uprightPixels(block: readonly number[], background: readonly number[], factor = 1): Buffer {
  const channels = block.length;
  const width = UPRIGHT_WIDTH * factor;
  const height = UPRIGHT_HEIGHT * factor;
  const blockSize = BLOCK_SIZE * factor;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const inBlock = x < blockSize && y < blockSize;
      pixels.set(inBlock ? block : background, (y * width + x) * channels);
    }
  }
  return pixels;
}

/** Starts a sharp pipeline on upright raw pixels made by uprightPixels. */
export function uprightImage(block: readonly number[], background: readonly number[]): Sharp {
  const channels = block.length as 1 | 2 | 3 | 4;
  return sharp(uprightPixels(block, background), { raw: { width: UPRIGHT_WIDTH, height: UPRIGHT_HEIGHT, channels } });
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
 * Encodes the red-square picture, enlarged by `factor`, as a JPEG (quality 100, no chroma
 * subsampling) whose stored pixels are turned so that applying EXIF `orientation` shows the
 * same upright picture for every value. Orientations 5 to 8 swap the stored width and height.
 */
export async function orientedJpeg(orientation: Orientation, factor = 1): Promise<Buffer> {
  const channels = 3;
  const upright = uprightPixels(RED, WHITE, factor);
  const uprightWidth = UPRIGHT_WIDTH * factor;
  const uprightHeight = UPRIGHT_HEIGHT * factor;
  const swapsAxes = orientation >= 5;
  const storedWidth = swapsAxes ? uprightHeight : uprightWidth;
  const storedHeight = swapsAxes ? uprightWidth : uprightHeight;
  const stored = Buffer.alloc(upright.length);
  for (let y = 0; y < storedHeight; y += 1) {
    for (let x = 0; x < storedWidth; x += 1) {
      const [uprightX, uprightY] = uprightPosition(orientation, x, y, storedWidth, storedHeight);
      const from = (uprightY * uprightWidth + uprightX) * channels;
      upright.copy(stored, (y * storedWidth + x) * channels, from, from + channels);
    }
  }
  return sharp(stored, { raw: { width: storedWidth, height: storedHeight, channels } })
    .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
    .withMetadata({ orientation })
    .toBuffer();
}

/** Encodes still images of one size as the frames of an animated GIF or lossless WebP, in order. */
export async function animatedImage(format: 'gif' | 'webp', frames: readonly Buffer[]): Promise<Buffer> {
  const animation = sharp([...frames], { join: { animated: true } });
  return format === 'gif' ? animation.gif().toBuffer() : animation.webp({ lossless: true }).toBuffer();
}

/**
 * Encodes the same noise picture as a baseline and as a progressive JPEG at quality 90.
 * Noise gives the JPEG coder many non-zero coefficients to spread over progressive scans.
 */
export async function baselineAndProgressiveJpeg(): Promise<{ baseline: Buffer; progressive: Buffer }> {
  const noise = sharp({
    create: { width: UPRIGHT_WIDTH, height: UPRIGHT_HEIGHT, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  });
  const pixels = await noise.raw().toBuffer();
  const encode = (progressive: boolean) =>
    sharp(pixels, { raw: { width: UPRIGHT_WIDTH, height: UPRIGHT_HEIGHT, channels: 3 } }).jpeg({ quality: 90, progressive }).toBuffer();
  return { baseline: await encode(false), progressive: await encode(true) };
}
