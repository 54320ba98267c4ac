import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

export type FixtureFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'tiff';

/**
 * Encodes a noise image, so that every format compresses it into a file
 * large enough to cut in half mid-pixel-data.
 */
export async function noiseImage(format: FixtureFormat, width = 64, height = 48): Promise<Buffer> {
  return gaussianNoise(width, height).toFormat(format).toBuffer();
}

/** Encodes a JPEG whose EXIF orientation 6 rotates the stored `width` x `height` pixels by 90 degrees. */
export async function rotatedJpeg(width: number, height: number): Promise<Buffer> {
  return gaussianNoise(width, height).jpeg().withMetadata({ orientation: 6 }).toBuffer();
}

function gaussianNoise(width: number, height: number): Sharp {
  // sharp's types require a background, which the noise replaces.
  const background = { r: 0, g: 0, b: 0 };
  return sharp({ create: { width, height, channels: 3, background, noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
}

/** Returns the first half of a file. */
export function truncated(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

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
