import { InvalidModelError } from '../errors.js';
import { allocateData, elementCount, stridesOf, toNumbers, type HostTensor } from '../tensor/host-tensor.js';

/**
 * Evaluates TensorFlow SparseToDense(sparse_indices, output_shape, sparse_values, default_value).
 * Indices are a scalar, a vector (one index per value for a 1-D output) or an [N, rank] matrix.
 * Values are a scalar shared by all indices or one value per index.
 */
export function sparseToDense(indices: HostTensor, outputShape: HostTensor, values: HostTensor, defaultValue: HostTensor): HostTensor {
  const shape = toNumbers(outputShape);
  const rank = shape.length;
  const indexCount = indices.shape.length === 0 ? 1 : indices.shape[0];
  const indexRank = indices.shape.length === 2 ? indices.shape[1] : 1;
  if (indexRank !== rank && indexCount > 0) {
    throw new InvalidModelError(`SparseToDense indices have rank ${indexRank} but the output has rank ${rank}`);
  }
  if (values.data.length !== 1 && values.data.length !== indexCount) {
    throw new InvalidModelError(`SparseToDense has ${indexCount} indices but ${values.data.length} values`);
  }

  const out = allocateData(values.dtype, elementCount(shape));
  out.fill(defaultValue.data[0]);
  const strides = stridesOf(shape);

  for (let entry = 0; entry < indexCount; entry += 1) {
    let offset = 0;
    for (let axis = 0; axis < rank; axis += 1) {
      const position = indices.data[entry * indexRank + axis];
      if (position < 0 || position >= shape[axis]) {
        throw new InvalidModelError(`SparseToDense index ${position} is out of range for axis ${axis} of size ${shape[axis]}`);
      }
      offset += position * strides[axis];
    }
    out[offset] = values.data.length === 1 ? values.data[0] : values.data[entry];
  }
  return { dtype: values.dtype, shape, data: out };
}
