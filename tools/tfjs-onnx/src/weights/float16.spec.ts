import { describe, expect, it } from '@jest/globals';
import { float16BitsToFloat32 } from './float16.js';

describe('float16BitsToFloat32', () => {
  it.each([
    [0x0000, 0],
    [0x3c00, 1],
    [0xc000, -2],
    [0x3555, 0.333251953125],
    [0x7bff, 65504],
    [0x0400, 2 ** -14],
    [0x0001, 2 ** -24],
    [0x03ff, 1023 * 2 ** -24],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('decodes bits 0x%s', (bits, expected) => {
    expect(float16BitsToFloat32(Uint16Array.of(bits))[0]).toBe(expected);
  });

  it('keeps the sign of negative zero', () => {
    expect(Object.is(float16BitsToFloat32(Uint16Array.of(0x8000))[0], -0)).toBe(true);
  });

  it('decodes NaN', () => {
    expect(float16BitsToFloat32(Uint16Array.of(0x7e00))[0]).toBeNaN();
  });
});
