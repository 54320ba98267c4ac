import { describe, expect, it } from '@jest/globals';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { nanodetManifestFixture } from '../../test/support/manifest.fixture.js';
import { baselineAndProgressiveJpeg, BLOCK_BOX, RED, uprightImage, WHITE, type Rgb } from '../../test/support/format-fixtures.js';
import { colourDistance, colourRegion, maxTensorDistance, planeCount, rgbAt } from '../../test/support/tensor-pixels.js';
import { letterboxToOriginal } from './coordinates.js';
import { PAD_GREY, preprocessImage } from './preprocess.js';

const input = nanodetManifestFixture().input;
const GREY: Rgb = [PAD_GREY.r, PAD_GREY.g, PAD_GREY.b];
/** Lossless layouts must come out exact; float rounding of the normalisation is far below this. */
const EXACT = 1e-3;
/** The 64 x 48 picture letterboxes to rows 52 to 363 of the 416 x 416 input, enlarged 6.5 times. */
const CONTENT = { x1: 0, y1: 52, x2: 416, y2: 364 };
const BLOCK_CENTRE = { x: 52, y: 104 };
const BACKGROUND_POINT = { x: 260, y: 247 };

interface LayoutCase {
  layout: string;
  /** Encodes the 64 x 48 test picture in this layout. */
  encode: () => Promise<Buffer>;
  /** Checks that the fixture really has this layout. */
  header: Partial<Metadata>;
  block: Rgb;
  background: Rgb;
  /** Largest channel error, in 8-bit units, of the square and the background. */
  tolerance: number;
}

const png = (image: Sharp) => image.png().toBuffer();

const LAYOUTS: LayoutCase[] = [
  {
    layout: 'greyscale PNG',
    encode: () => png(uprightImage([250], [10]).toColourspace('b-w')),
    header: { channels: 1, space: 'b-w', hasAlpha: false },
    block: [250, 250, 250],
    background: [10, 10, 10],
    tolerance: EXACT,
  },
  {
    layout: 'greyscale+alpha PNG',
    encode: () => png(uprightImage([250, 255], [10, 0]).toColourspace('b-w')),
    header: { channels: 2, space: 'b-w', hasAlpha: true },
    block: [250, 250, 250],
    background: GREY,
    tolerance: EXACT,
  },
  {
    layout: 'RGB PNG',
    encode: () => png(uprightImage([220, 40, 30], WHITE)),
    header: { channels: 3, space: 'srgb', hasAlpha: false },
    block: [220, 40, 30],
    background: WHITE,
    tolerance: EXACT,
  },
  {
    // The transparent background hides green, which must not show through.
    layout: 'RGBA PNG',
    encode: () => png(uprightImage([220, 40, 30, 255], [0, 255, 0, 0])),
    header: { channels: 4, space: 'srgb', hasAlpha: true },
    block: [220, 40, 30],
    background: GREY,
    tolerance: EXACT,
  },
  {
    // sharp converts with its built-in CMYK profile both ways. Pure red lies outside that
    // profile's gamut and comes back as (232, 0, 21), so the square allows 24 levels.
    layout: 'CMYK JPEG',
    encode: () => uprightImage(RED, WHITE).toColourspace('cmyk').jpeg({ quality: 100, chromaSubsampling: '4:4:4' }).toBuffer(),
    header: { channels: 4, space: 'cmyk' },
    block: RED,
    background: WHITE,
    tolerance: 24,
  },
  {
    layout: '16-bit RGBA PNG',
    encode: () => png(uprightImage([220, 40, 30, 255], [0, 255, 0, 0]).toColourspace('rgb16')),
    header: { channels: 4, space: 'rgb16', depth: 'ushort', hasAlpha: true },
    block: [220, 40, 30],
    background: GREY,
    tolerance: EXACT,
  },
  {
    layout: 'palette PNG with a transparent entry',
    encode: () => uprightImage([220, 40, 30, 255], [0, 255, 0, 0]).png({ palette: true }).toBuffer(),
    header: { isPalette: true, hasAlpha: true },
    block: [220, 40, 30],
    background: GREY,
    tolerance: EXACT,
  },
  {
    layout: 'lossless AVIF',
    encode: () => uprightImage([220, 40, 30], WHITE).avif({ lossless: true }).toBuffer(),
    header: { format: 'heif', compression: 'av1' },
    block: [220, 40, 30],
    background: WHITE,
    tolerance: EXACT,
  },
  {
    // Quality 50 with 4:2:0 chroma: the square measured (221, 40, 31), one level off.
    layout: 'lossy AVIF',
    encode: () => uprightImage([220, 40, 30], WHITE).avif({ quality: 50 }).toBuffer(),
    header: { format: 'heif', compression: 'av1' },
    block: [220, 40, 30],
    background: WHITE,
    tolerance: 4,
  },
];

describe('preprocessImage on every colour layout', () => {
  it.each(LAYOUTS)('$layout fixture has that layout', async ({ encode, header }) => {
    const metadata = await sharp(await encode()).metadata();

    expect(metadata).toMatchObject(header);
  });

  it.each(LAYOUTS)('$layout becomes three sRGB channels with the right colours', async ({ encode, block, background, tolerance }) => {
    const { tensor } = await preprocessImage(await encode(), input);

    expect(planeCount(tensor, input)).toBe(3);
    expect(colourDistance(rgbAt(tensor, input, BLOCK_CENTRE.x, BLOCK_CENTRE.y), block)).toBeLessThanOrEqual(tolerance);
    expect(colourDistance(rgbAt(tensor, input, BACKGROUND_POINT.x, BACKGROUND_POINT.y), background)).toBeLessThanOrEqual(tolerance);
    expect(colourDistance(rgbAt(tensor, input, 208, 20), GREY)).toBeLessThan(EXACT);
  });

  it.each(LAYOUTS)('$layout maps the square back to upright pixels', async ({ encode, block, background }) => {
    const { tensor, letterbox } = await preprocessImage(await encode(), input);

    const region = colourRegion(tensor, input, block, colourDistance(block, background) / 2, CONTENT);
    const box = region === null ? null : letterboxToOriginal(region, letterbox);

    // One input pixel is 1 / 6.5 of an original pixel.
    expect(box).not.toBeNull();
    for (const edge of ['x1', 'y1', 'x2', 'y2'] as const) {
      expect(Math.abs(box![edge] - BLOCK_BOX[edge])).toBeLessThanOrEqual(1 / 6.5);
    }
  });

  it('transparent pixels become the padding grey', async () => {
    const transparent = LAYOUTS.filter(({ background }) => background === GREY);

    const colours = await Promise.all(
      transparent.map(async ({ encode }) => rgbAt((await preprocessImage(await encode(), input)).tensor, input, BACKGROUND_POINT.x, BACKGROUND_POINT.y)),
    );

    expect(transparent.map(({ layout }) => layout)).toHaveLength(4);
    for (const colour of colours) {
      expect(colourDistance(colour, GREY)).toBeLessThan(EXACT);
    }
  });

  it('decodes a progressive JPEG to the tensor of its baseline twin', async () => {
    const { baseline, progressive } = await baselineAndProgressiveJpeg();

    const fromBaseline = await preprocessImage(baseline, input);
    const fromProgressive = await preprocessImage(progressive, input);

    expect((await sharp(progressive).metadata()).isProgressive).toBe(true);
    expect(fromProgressive.letterbox).toEqual(fromBaseline.letterbox);
    // Both scans carry the same quantised coefficients; measured identical, one level allowed.
    expect(maxTensorDistance(fromProgressive.tensor, fromBaseline.tensor, input)).toBeLessThanOrEqual(1);
  });
});
