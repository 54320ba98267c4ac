/** A reference to one output of a graph node, parsed from a TensorFlow input string such as "conv:1". */
export interface TensorRef {
  nodeName: string;
  outputIndex: number;
}

/** Parses a TensorFlow input string, returning undefined for control inputs ("^node"). */
export function parseTensorRef(input: string): TensorRef | undefined {
  if (input.startsWith('^')) {
    return undefined;
  }
  const match = /^(.*):(\d+)$/.exec(input);
  if (match === null) {
    return { nodeName: input, outputIndex: 0 };
  }
  return { nodeName: match[1], outputIndex: Number(match[2]) };
}

/** Returns the ONNX tensor name used for output `outputIndex` of a node: the node name for output 0. */
export function tensorName(nodeName: string, outputIndex: number): string {
  return outputIndex === 0 ? nodeName : `${nodeName}:${outputIndex}`;
}

/** Normalises a TensorFlow input string ("a:0", "a", "a:2") to the ONNX tensor name. */
export function normalizeTensorName(input: string): string {
  const ref = parseTensorRef(input);
  if (ref === undefined) {
    throw new Error(`control input "${input}" has no tensor name`);
  }
  return tensorName(ref.nodeName, ref.outputIndex);
}
