import { InvalidModelError } from '../errors.js';
import type { TfjsGraphModelJson } from '../tfjs/tfjs-model.types.js';

export interface NanodetOutputNames {
  /** TensorFlow output tensor names in the order cls, dis for each stride, smallest stride first. */
  outputs: string[];
  /** New ONNX names keyed by TensorFlow output tensor name. */
  rename: Record<string, string>;
  /** ONNX output names per stride. */
  byStride: { stride: number; scores: string; boxes: string }[];
}

/**
 * Names NanoDet's head outputs by their shapes: [1, N, classCount] contains class scores and
 * [1, N, 4 * (regMax + 1)] contains box distributions, where N = (inputSize / stride)^2.
 */
export function nanodetOutputNames(model: TfjsGraphModelJson, inputSize: number, classCount: number, regMax: number): NanodetOutputNames {
  const signature = Object.values(model.signature?.outputs ?? {});
  const distributionSize = 4 * (regMax + 1);
  const found = new Map<string, string>();

  for (const output of signature) {
    const dims = (output.tensorShape?.dim ?? []).map((dim) => Number(dim.size ?? 0));
    const [batch, cells, channels] = dims;
    const stride = inputSize / Math.sqrt(cells);
    if (dims.length !== 3 || batch !== 1 || !Number.isInteger(stride)) {
      throw new InvalidModelError(`output "${output.name}" has shape [${dims.join(',')}], expected [1, N, C] with N a square grid`);
    }
    let kind: 'cls' | 'dis';
    if (channels === classCount) {
      kind = 'cls';
    } else if (channels === distributionSize) {
      kind = 'dis';
    } else {
      throw new InvalidModelError(`output "${output.name}" has ${channels} channels, expected ${classCount} or ${distributionSize}`);
    }
    const onnxName = `${kind}_pred_stride_${stride}`;
    if (found.has(onnxName)) {
      throw new InvalidModelError(`outputs "${found.get(onnxName)}" and "${output.name}" both look like ${onnxName}`);
    }
    found.set(onnxName, output.name);
  }

  const strides = [...new Set([...found.keys()].map((name) => Number(name.split('_').at(-1))))].sort((a, b) => a - b);
  const byStride = strides.map((stride) => ({ stride, scores: `cls_pred_stride_${stride}`, boxes: `dis_pred_stride_${stride}` }));
  for (const { scores, boxes } of byStride) {
    if (!found.has(scores) || !found.has(boxes)) {
      throw new InvalidModelError(`outputs lack a pair for ${found.has(scores) ? boxes : scores}`);
    }
  }

  const outputs = byStride.flatMap(({ scores, boxes }) => [found.get(scores) as string, found.get(boxes) as string]);
  const rename = Object.fromEntries([...found].map(([onnxName, tfName]) => [tfName, onnxName]));
  return { outputs, rename, byStride };
}
