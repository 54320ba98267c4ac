import type { UnsupportedOpError } from '../errors.js';
import type { IrAttribute } from '../ir/graph-ir.js';
import type { HostTensor } from '../tensor/host-tensor.js';
import type { NodeAttributes } from '../tfjs/node-attributes.js';
import type { TfjsNode } from '../tfjs/tfjs-model.types.js';

/** Access an op converter gets to its TensorFlow node and to the ONNX graph under construction. */
export interface ConversionContext {
  readonly node: TfjsNode;
  readonly attributes: NodeAttributes;
  /** Number of data inputs; control inputs are not counted. */
  readonly inputCount: number;
  /** Returns the ONNX tensor name of a data input, adding it as an initializer when it is a constant. */
  inputName(index: number): string;
  isConstantInput(index: number): boolean;
  /** Returns the value of a data input that must be known at import time, or throws UnsupportedOpError. */
  constantInput(index: number): HostTensor;
  outputName(index: number): string;
  addNode(opType: string, inputs: string[], outputs: string[], attributes?: Record<string, IrAttribute>): void;
  /** Adds an initializer under a new unique name derived from `hint` and returns that name. */
  addConstant(hint: string, tensor: HostTensor): string;
  /** Returns a new unique tensor name derived from `hint`. */
  freshName(hint: string): string;
  unsupported(detail: string): UnsupportedOpError;
}

export type OpConverter = (context: ConversionContext) => void;
