import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import type { Detection } from '@lookout/contracts';

const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45'];

/** Draws detection boxes and labels over the upright photo and writes a PNG, for checking results by eye. */
export async function drawDetections(photo: Uint8Array, detections: readonly Detection[], outputPath: string): Promise<void> {
  const upright = sharp(photo).rotate();
  const { width, height } = await upright.clone().metadata().then((metadata) => metadata.autoOrient);
  const shapes = detections.map((detection, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const { x1, y1, x2, y2 } = detection.box;
    const caption = `${detection.label} ${detection.score.toFixed(2)}`;
    return [
      `<rect x="${x1}" y="${y1}" width="${x2 - x1}" height="${y2 - y1}" fill="none" stroke="${colour}" stroke-width="3"/>`,
      `<text x="${x1 + 4}" y="${y1 + 16}" font-family="sans-serif" font-size="16" fill="${colour}">${caption}</text>`,
    ].join('');
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`;
  await mkdir(dirname(outputPath), { recursive: true });
  await upright.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]).png().toFile(outputPath);
}
