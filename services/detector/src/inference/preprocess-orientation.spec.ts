import { beforeAll, describe, expect, it } from '@jest/globals';
import { nanodetManifestFixture } from '../../test/support/manifest.fixture.js';
import { BLOCK_SIZE, ORIENTATIONS, orientedJpeg, RED, WHITE } from '../../test/support/format-fixtures.js';
import { colourDistance, colourRegion, maxTensorDistance, planeCount, rgbAt } from '../../test/support/tensor-pixels.js';
import { letterboxToOriginal } from './coordinates.js';
import { PAD_GREY, preprocessImage, type PreprocessedImage } from './preprocess.js';

const input = nanodetManifestFixture().input;
const GREY = [PAD_GREY.r, PAD_GREY.g, PAD_GREY.b];
/** Channel error, in 8-bit units, allowed for a JPEG at quality 100 without chroma subsampling; measured 0. */
const JPEG_TOLERANCE = 2;

// The upright picture is 64 x 48 with a 16-pixel red square top-left, enlarged by `factor`.
// Either size letterboxes into 416 x 312 at rows 52 to 363: factor 1 is enlarged 6.5 times
// (the path that turns the image upright first), factor 13 (832 x 624) is halved.
describe.each([
  { factor: 1, scale: 6.5 },
  { factor: 13, scale: 0.5 },
])('preprocessImage with every EXIF orientation, picture enlarged $factor times', ({ factor, scale }) => {
  const width = 64 * factor;
  const height = 48 * factor;
  const blockBox = { x1: 0, y1: 0, x2: BLOCK_SIZE * factor, y2: BLOCK_SIZE * factor };
  // An edge found in the tensor may be off by one input pixel, which is 1 / scale original pixels.
  const boxTolerance = 1 / scale;
  const results = new Map<number, PreprocessedImage>();

  beforeAll(async () => {
    for (const orientation of ORIENTATIONS) {
      results.set(orientation, await preprocessImage(await orientedJpeg(orientation, factor), input));
    }
  });

  it.each(ORIENTATIONS)('orientation %i letterboxes the upright picture', (orientation) => {
    const { letterbox, tensor } = results.get(orientation)!;

    expect(letterbox).toEqual({ scale, padLeft: 0, padTop: 52, resizedWidth: 416, resizedHeight: 312, originalWidth: width, originalHeight: height });
    expect(planeCount(tensor, input)).toBe(3);
  });

  it.each(ORIENTATIONS)('orientation %i puts the red square top-left', (orientation) => {
    const { tensor } = results.get(orientation)!;

    // Input (52, 104) is the centre of the square; input (260, 247) is inside the white part.
    expect(colourDistance(rgbAt(tensor, input, 52, 104), RED)).toBeLessThanOrEqual(JPEG_TOLERANCE);
    expect(colourDistance(rgbAt(tensor, input, 260, 247), WHITE)).toBeLessThanOrEqual(JPEG_TOLERANCE);
    // Where a missed flip would put the square, in the other three corners, it is white.
    expect(colourDistance(rgbAt(tensor, input, 364, 104), WHITE)).toBeLessThanOrEqual(JPEG_TOLERANCE);
    expect(colourDistance(rgbAt(tensor, input, 52, 312), WHITE)).toBeLessThanOrEqual(JPEG_TOLERANCE);
    expect(colourDistance(rgbAt(tensor, input, 364, 312), WHITE)).toBeLessThanOrEqual(JPEG_TOLERANCE);
    expect(colourDistance(rgbAt(tensor, input, 208, 20), GREY)).toBeLessThan(1e-3);
  });

  it.each(ORIENTATIONS)('orientation %i gives the tensor of orientation 1', (orientation) => {
    const { tensor } = results.get(orientation)!;

    expect(maxTensorDistance(tensor, results.get(1)!.tensor, input)).toBeLessThanOrEqual(JPEG_TOLERANCE);
  });

  it.each(ORIENTATIONS)('orientation %i maps the red square back to upright pixels', (orientation) => {
    const { tensor, letterbox } = results.get(orientation)!;

    // Pixels at least halfway to red, so an edge lies where the bilinear blend crosses 50 %.
    const region = colourRegion(tensor, input, RED, 128);
    const box = region === null ? null : letterboxToOriginal(region, letterbox);

    expect(box).not.toBeNull();
    expect(Math.abs(box!.x1 - blockBox.x1)).toBeLessThanOrEqual(boxTolerance);
    expect(Math.abs(box!.y1 - blockBox.y1)).toBeLessThanOrEqual(boxTolerance);
    expect(Math.abs(box!.x2 - blockBox.x2)).toBeLessThanOrEqual(boxTolerance);
    expect(Math.abs(box!.y2 - blockBox.y2)).toBeLessThanOrEqual(boxTolerance);
  });
});
