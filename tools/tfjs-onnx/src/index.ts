export { convertGraphModel, PRODUCER_NAME, PRODUCER_VERSION, type ConvertOptions } from './convert-graph-model.js';
export { InvalidModelError, UnsupportedOpError } from './errors.js';
export { readWeightShards } from './tfjs/read-weight-shards.js';
export { nanodetOutputNames, type NanodetOutputNames } from './nanodet/nanodet-output-names.js';
export type { TfjsGraphModelJson, TfjsNode, TfjsWeightEntry, TfjsWeightsGroup } from './tfjs/tfjs-model.types.js';
export { float16BitsToFloat32 } from './weights/float16.js';
