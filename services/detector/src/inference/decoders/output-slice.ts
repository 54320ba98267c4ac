import { InferenceError } from '../../model/model-errors.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';

/** An expected dimension: a fixed size, or null for any size. */
export type ExpectedDim = number | null;

/**
 * Returns the part of a batched output that belongs to image `batchIndex`, a view without copying.
 * `expectedTail` lists the dimensions after the batch dimension.
 */
export function imageSlice(outputs: ReadonlyMap<string, OutputTensor>, name: string, batchIndex: number, expectedTail: readonly ExpectedDim[]): OutputTensor {
  const output = outputs.get(name);
  if (output === undefined) {
    throw new InferenceError(`Model output ${name} is missing`);
  }
  const [batch, ...tail] = output.dims;
  const matches =
    batch !== undefined && tail.length === expectedTail.length && expectedTail.every((dim, index) => dim === null || dim === tail[index]);
  if (!matches) {
    const expected = [batch ?? 'batch', ...expectedTail.map((dim) => dim ?? 'N')];
    throw new InferenceError(`Model output ${name} has shape [${output.dims.join(', ')}], expected [${expected.join(', ')}]`);
  }
  if (batchIndex < 0 || batchIndex >= batch) {
    throw new InferenceError(`Model output ${name} contains ${batch} images, so image ${batchIndex} is out of range`);
  }
  const size = tail.reduce((count, dim) => count * dim, 1);
  return { data: output.data.subarray(batchIndex * size, (batchIndex + 1) * size), dims: [1, ...tail] };
}
