import { intAttr, stringAttr } from '../ir/graph-ir.js';
import { createTensor, toNumbers } from '../tensor/host-tensor.js';
import type { OpConverter } from './conversion-context.js';
import { emitInNchw } from './layout.js';

/**
 * ResizeBilinear works on NHWC images with a constant [height, width] size. TensorFlow's coordinate
 * rules map to ONNX: align_corners to "align_corners", half_pixel_centers to "half_pixel"
 * (both clamp source coordinates to the image), and neither to "asymmetric".
 * The full NCHW sizes are built as Shape(x)[0:2] ++ [height, width]. Resize's "axes" attribute would be
 * shorter, but onnxruntime 1.30 then fails shape inference once its layout pass moves the surrounding transposes.
 */
export const convertResizeBilinear: OpConverter = (context) => {
  const size = toNumbers(context.constantInput(1));
  if (size.length !== 2) {
    throw context.unsupported(`size must be [height, width], got [${size.join(',')}]`);
  }
  const alignCorners = context.attributes.bool('align_corners', false);
  const halfPixelCenters = context.attributes.bool('half_pixel_centers', false);
  if (alignCorners && halfPixelCenters) {
    throw context.unsupported('align_corners and half_pixel_centers cannot both be set');
  }
  let mode = 'asymmetric';
  if (alignCorners) {
    mode = 'align_corners';
  } else if (halfPixelCenters) {
    mode = 'half_pixel';
  }
  const spatialSize = context.addConstant(`${context.node.name}/spatial_size`, createTensor('int64', [2], size));

  emitInNchw(context, 'NHWC', context.inputName(0), context.outputName(0), (input, output) => {
    const batchAndChannels = context.freshName(`${context.node.name}/batch_and_channels`);
    const sizes = context.freshName(`${context.node.name}/sizes`);
    context.addNode('Shape', [input], [batchAndChannels], { start: intAttr(0), end: intAttr(2) });
    context.addNode('Concat', [batchAndChannels, spatialSize], [sizes], { axis: intAttr(0) });
    context.addNode('Resize', [input, '', '', sizes], [output], {
      mode: stringAttr('linear'),
      coordinate_transformation_mode: stringAttr(mode),
    });
  });
};
