import { describe, expect, it } from '@jest/globals';
import { InvalidModelError } from '../errors.js';
import { decodeWeights } from './decode-weights.js';

function bytes(...parts: Buffer[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function float32s(values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => buffer.writeFloatLE(value, i * 4));
  return buffer;
}

function uint16s(values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 2);
  values.forEach((value, i) => buffer.writeUInt16LE(value, i * 2));
  return buffer;
}

describe('decodeWeights', () => {
  it('reads a float32 weight after an odd-length float16 one', () => {
    const manifest = [
      {
        paths: ['a.bin'],
        weights: [
          { name: 'half', shape: [3], dtype: 'float32' as const, quantization: { dtype: 'float16' as const } },
          { name: 'full', shape: [2], dtype: 'float32' as const },
        ],
      },
    ];
    const decoded = decodeWeights(manifest, bytes(uint16s([0x3c00, 0xc000, 0x3800]), float32s([1.5, -7.25])));

    expect(decoded.get('half')?.dtype).toBe('float32');
    expect(Array.from(decoded.get('half')?.data ?? [])).toEqual([1, -2, 0.5]);
    expect(Array.from(decoded.get('full')?.data ?? [])).toEqual([1.5, -7.25]);
  });

  it('decodes int32 and bool weights', () => {
    const ints = Buffer.alloc(8);
    ints.writeInt32LE(-3, 0);
    ints.writeInt32LE(70000, 4);
    const manifest = [
      {
        paths: ['a.bin'],
        weights: [
          { name: 'ints', shape: [2], dtype: 'int32' as const },
          { name: 'flags', shape: [2], dtype: 'bool' as const },
        ],
      },
    ];
    const decoded = decodeWeights(manifest, bytes(ints, Buffer.from([0, 5])));

    expect(decoded.get('ints')?.dtype).toBe('int32');
    expect(Array.from(decoded.get('ints')?.data ?? [])).toEqual([-3, 70000]);
    expect(Array.from(decoded.get('flags')?.data ?? [])).toEqual([0, 1]);
  });

  it('dequantises uint8 weights with scale and min', () => {
    const manifest = [
      { paths: ['a.bin'], weights: [{ name: 'q', shape: [3], dtype: 'float32' as const, quantization: { dtype: 'uint8' as const, scale: 0.5, min: -1 } }] },
    ];
    const decoded = decodeWeights(manifest, bytes(Buffer.from([0, 2, 255])));

    expect(Array.from(decoded.get('q')?.data ?? [])).toEqual([-1, 0, 126.5]);
  });

  it('rejects a buffer shorter than the manifest', () => {
    const manifest = [{ paths: ['a.bin'], weights: [{ name: 'w', shape: [4], dtype: 'float32' as const }] }];

    expect(() => decodeWeights(manifest, bytes(float32s([1, 2, 3])))).toThrow(InvalidModelError);
  });

  it('rejects trailing bytes the manifest does not describe', () => {
    const manifest = [{ paths: ['a.bin'], weights: [{ name: 'w', shape: [1], dtype: 'float32' as const }] }];

    expect(() => decodeWeights(manifest, bytes(float32s([1, 2])))).toThrow(/manifest describes 4/);
  });
});
