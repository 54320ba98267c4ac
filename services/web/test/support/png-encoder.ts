import { crc32, deflateSync } from 'node:zlib';

/** A solid-colour rectangle in pixel coordinates, right and bottom edges exclusive. */
export interface FilledRect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  rgb: readonly [number, number, number];
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** Encodes an 8-bit RGB PNG with a grey background and the given rectangles painted on it, later ones on top. */
export function encodePng(width: number, height: number, rects: readonly FilledRect[]): Buffer {
  const rowBytes = 1 + width * 3;
  const raw = Buffer.alloc(rowBytes * height);

  for (let y = 0; y < height; y += 1) {
    raw[y * rowBytes] = 0; // filter type None
    for (let x = 0; x < width; x += 1) {
      const shade = 96 + Math.round((64 * (x + y)) / (width + height));
      let rgb: readonly [number, number, number] = [shade, shade, shade];
      for (const rect of rects) {
        if (x >= rect.x1 && x < rect.x2 && y >= rect.y1 && y < rect.y2) {
          rgb = rect.rgb;
        }
      }
      const offset = y * rowBytes + 1 + x * 3;
      raw[offset] = rgb[0];
      raw[offset + 1] = rgb[1];
      raw[offset + 2] = rgb[2];
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  header[10] = 0; // deflate compression
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
