const EXPONENT_BIAS_DIFFERENCE = 127 - 15;

/** Converts IEEE 754 half-precision bit patterns to float32 values, including subnormals, infinities and NaN. */
export function float16BitsToFloat32(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length);
  const outBits = new Uint32Array(out.buffer);

  for (let i = 0; i < bits.length; i += 1) {
    const half = bits[i];
    const sign = (half & 0x8000) << 16;
    const exponent = (half >> 10) & 0x1f;
    const mantissa = half & 0x3ff;

    if (exponent === 0x1f) {
      outBits[i] = sign | 0x7f800000 | (mantissa << 13);
    } else if (exponent !== 0) {
      outBits[i] = sign | ((exponent + EXPONENT_BIAS_DIFFERENCE) << 23) | (mantissa << 13);
    } else {
      // Zero or subnormal: the value is mantissa * 2^-24 with no implicit leading one.
      const magnitude = mantissa * 2 ** -24;
      out[i] = sign === 0 ? magnitude : -magnitude;
    }
  }
  return out;
}
