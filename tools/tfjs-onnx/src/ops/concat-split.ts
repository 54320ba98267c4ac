import { intAttr } from '../ir/graph-ir.js';
import { createTensor, toNumbers } from '../tensor/host-tensor.js';
import type { ConversionContext, OpConverter } from './conversion-context.js';

function scalarConstant(context: ConversionContext, index: number, inputLabel: string): number {
  const values = toNumbers(context.constantInput(index));
  if (values.length !== 1) {
    throw context.unsupported(`${inputLabel} must contain one value, got ${values.length}`);
  }
  return values[0];
}

/** ConcatV2 takes N values followed by the axis. */
export const convertConcatV2: OpConverter = (context) => {
  const valueCount = context.inputCount - 1;
  const axis = scalarConstant(context, valueCount, 'axis');
  const inputs = Array.from({ length: valueCount }, (_, index) => context.inputName(index));
  context.addNode('Concat', inputs, [context.outputName(0)], { axis: intAttr(axis) });
};

/** SplitV takes (value, size_splits, axis). A size of -1 would need the input shape, which the importer does not track. */
export const convertSplitV: OpConverter = (context) => {
  const sizes = toNumbers(context.constantInput(1));
  if (sizes.some((size) => size < 0)) {
    throw context.unsupported(`size_splits [${sizes.join(',')}] with an inferred (-1) size is not supported`);
  }
  const axis = scalarConstant(context, 2, 'split_dim');
  const splitName = context.addConstant(`${context.node.name}/split`, createTensor('int64', [sizes.length], sizes));
  const outputs = sizes.map((_, index) => context.outputName(index));
  context.addNode('Split', [context.inputName(0), splitName], outputs, { axis: intAttr(axis) });
};

/** Split takes (axis, value) and cuts into num_split equal parts. */
export const convertSplit: OpConverter = (context) => {
  const axis = scalarConstant(context, 0, 'split_dim');
  const count = context.attributes.int('num_split');
  const outputs = Array.from({ length: count }, (_, index) => context.outputName(index));
  context.addNode('Split', [context.inputName(1)], outputs, { axis: intAttr(axis), num_outputs: intAttr(count) });
};
