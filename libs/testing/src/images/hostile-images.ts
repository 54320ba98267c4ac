import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

// Files whose header promises something the pixels cannot deliver: a canvas far
// larger than the data (pixel bombs) or a codec the libvips in sharp 0.35 lacks (HEIC).

/**
 * Builds a PNG of under 100 bytes whose IHDR chunk declares `width` x
 * `height` RGB pixels, followed by one tiny IDAT chunk and IEND. The header
 * is valid, with correct CRCs, but the pixel data is not.
 */
export function pixelBombPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, checksum]);
}

/**
 * Builds a JPEG of a few hundred bytes whose start-of-frame header declares
 * `width` x `height` pixels (at most 65535 each) over the coded data of an 8 x 8 image.
 */
export async function pixelBombJpeg(width: number, height: number): Promise<Buffer> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 10, b: 10 } } }).jpeg().toBuffer();
  // Walks the marker segments after SOI (2 bytes) to the first SOF0, SOF1 or SOF2 segment.
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    const marker = bytes[offset + 1]!;
    const segmentLength = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xc2) {
      // The segment contains its length (2 bytes), the sample precision (1 byte), then height and width.
      bytes.writeUInt16BE(height, offset + 5);
      bytes.writeUInt16BE(width, offset + 7);
      return bytes;
    }
    offset += 2 + segmentLength;
  }
  throw new Error('sharp wrote a JPEG without a start-of-frame segment');
}

/**
 * Builds a GIF of under 100 bytes whose logical screen and first image
 * descriptor declare `width` x `height` pixels (at most 65535 each).
 */
export async function pixelBombGif(width: number, height: number): Promise<Buffer> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 10, b: 10 } } }).gif().toBuffer();
  bytes.writeUInt16LE(width, 6);
  bytes.writeUInt16LE(height, 8);

  // The image descriptor follows the header (13 bytes), the global colour table and any extension blocks.
  const flags = bytes[10]!;
  let offset = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  while (bytes[offset] === 0x21) {
    offset += 2;
    while (bytes[offset] !== 0) {
      offset += bytes[offset]! + 1;
    }
    offset += 1;
  }
  if (bytes[offset] !== 0x2c) {
    throw new Error('sharp wrote a GIF without an image descriptor');
  }
  bytes.writeUInt16LE(width, offset + 5);
  bytes.writeUInt16LE(height, offset + 7);
  return bytes;
}

/**
 * Builds a lossy WebP of under 100 bytes whose VP8 frame header declares
 * `width` x `height` pixels. VP8 stores each side in 14 bits, so 16383 is
 * the largest side a WebP can declare; libwebp rejects larger VP8X canvases.
 */
export async function pixelBombWebp(width: number, height: number): Promise<Buffer> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 10, b: 10 } } }).webp().toBuffer();
  // RIFF header (12 bytes), 'VP8 ' chunk header (8 bytes), frame tag (3 bytes), start code (3 bytes).
  const sizeOffset = 26;
  if (bytes.toString('ascii', 12, 16) !== 'VP8 ') {
    throw new Error('sharp wrote a WebP without a simple lossy VP8 chunk');
  }
  bytes.writeUInt16LE(width, sizeOffset);
  bytes.writeUInt16LE(height, sizeOffset + 2);
  return bytes;
}

/**
 * Builds a HEIF container with one `hvc1` (HEVC) item of `width` x `height`
 * pixels, as a phone's HEIC photo declares it, but with a few bytes of
 * stand-in coded data. libheif reads its header, but the prebuilt libvips
 * has no HEVC decoder for the pixels.
 */
export function heicHeaderOnly(width: number, height: number): Buffer {
  const fileType = isoBox('ftyp', Buffer.from('heic'), uint32(0), Buffer.from('mif1heic'));
  const handler = fullBox('hdlr', 0, uint32(0), Buffer.from('pict'), uint32(0), uint32(0), uint32(0), Buffer.from([0]));
  const primaryItem = fullBox('pitm', 0, uint16(1));
  const itemInfo = fullBox('iinf', 0, uint16(1), fullBox('infe', 2, uint16(1), uint16(0), Buffer.from('hvc1'), Buffer.from([0])));
  // HEVCDecoderConfigurationRecord: version 1, Main profile, level 3, 4-byte NAL lengths, no parameter set arrays.
  const hevcConfig = isoBox(
    'hvcC',
    Buffer.from([1, 1]),
    uint32(0x6000_0000),
    Buffer.alloc(6),
    Buffer.from([90]),
    uint16(0xf000),
    Buffer.from([0xfc, 0xfd, 0xf8, 0xf8]),
    uint16(0),
    Buffer.from([0x0f, 0]),
  );
  const spatialExtents = fullBox('ispe', 0, uint32(width), uint32(height));
  // Item 1 uses property 1 (hvcC, essential) and property 2 (ispe).
  const associations = fullBox('ipma', 0, uint32(1), uint16(1), Buffer.from([2, 0x81, 0x02]));
  const properties = isoBox('iprp', isoBox('ipco', hevcConfig, spatialExtents), associations);
  const codedData = Buffer.from([0, 0, 0, 4, 0x26, 0x01, 0xaf, 0x00]);

  const metaBox = (dataOffset: number): Buffer => {
    // Offsets and lengths of 4 bytes, no base offset, one item with one extent.
    const location = fullBox('iloc', 0, Buffer.from([0x44, 0]), uint16(1), uint16(1), uint16(0), uint16(1), uint32(dataOffset), uint32(codedData.length));
    return fullBox('meta', 0, handler, primaryItem, location, itemInfo, properties);
  };
  const mdatHeaderBytes = 8;
  const dataOffset = fileType.length + metaBox(0).length + mdatHeaderBytes;
  return Buffer.concat([fileType, metaBox(dataOffset), isoBox('mdat', codedData)]);
}

function isoBox(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([uint32(8 + body.length), Buffer.from(type, 'ascii'), body]);
}

/** Builds an ISO BMFF full box with flags 0. */
function fullBox(type: string, version: number, ...parts: Buffer[]): Buffer {
  return isoBox(type, Buffer.from([version, 0, 0, 0]), ...parts);
}

function uint16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}
