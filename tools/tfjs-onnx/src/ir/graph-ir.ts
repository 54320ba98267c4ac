import type { HostDataType, HostTensor } from '../tensor/host-tensor.js';

/** An ONNX node attribute with its ONNX type made explicit, since JavaScript numbers do not say int or float. */
export type IrAttribute =
  | { type: 'int'; value: number }
  | { type: 'ints'; value: number[] }
  | { type: 'float'; value: number }
  | { type: 'floats'; value: number[] }
  | { type: 'string'; value: string };

export interface IrNode {
  name: string;
  opType: string;
  /** Tensor names; an empty string marks an omitted optional input. */
  inputs: string[];
  outputs: string[];
  attributes: Record<string, IrAttribute>;
}

/** A graph input or output. A string dim is symbolic, -1 is unknown. */
export interface IrValueInfo {
  name: string;
  dtype: HostDataType;
  shape?: (number | string)[];
}

/** The ONNX graph under construction, kept as plain data so optimisation passes can rewrite it. */
export interface GraphIr {
  name: string;
  nodes: IrNode[];
  initializers: Map<string, HostTensor>;
  inputs: IrValueInfo[];
  outputs: IrValueInfo[];
}

export const intAttr = (value: number): IrAttribute => ({ type: 'int', value });
export const intsAttr = (value: number[]): IrAttribute => ({ type: 'ints', value });
export const floatAttr = (value: number): IrAttribute => ({ type: 'float', value });
export const stringAttr = (value: string): IrAttribute => ({ type: 'string', value });

/** Returns an int-list attribute of a node, or undefined when it is absent or of another type. */
export function readIntsAttr(node: IrNode, name: string): number[] | undefined {
  const attribute = node.attributes[name];
  return attribute?.type === 'ints' ? attribute.value : undefined;
}
