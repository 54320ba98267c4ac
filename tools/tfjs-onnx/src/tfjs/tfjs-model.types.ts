// The subset of the TensorFlow.js graph-model format (model.json) that the importer reads.

export interface TfjsAttrList {
  s?: string[];
  i?: (string | number)[];
  f?: number[];
  b?: boolean[];
  type?: string[];
}

export interface TfjsShapeProto {
  dim?: { size?: string | number }[];
  unknownRank?: boolean;
}

export interface TfjsAttrValue {
  /** Base64-encoded bytes. */
  s?: string;
  i?: string | number;
  f?: number;
  b?: boolean;
  type?: string;
  shape?: TfjsShapeProto;
  list?: TfjsAttrList;
}

export interface TfjsNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfjsAttrValue>;
  device?: string;
}

export type TfjsWeightDtype = 'float32' | 'int32' | 'bool' | 'string' | 'complex64';

export interface TfjsQuantization {
  dtype: 'float16' | 'uint8' | 'uint16';
  scale?: number;
  min?: number;
  original_dtype?: string;
}

export interface TfjsWeightEntry {
  name: string;
  shape: number[];
  dtype: TfjsWeightDtype;
  quantization?: TfjsQuantization;
}

export interface TfjsWeightsGroup {
  paths: string[];
  weights: TfjsWeightEntry[];
}

export interface TfjsSignatureTensor {
  name: string;
  dtype?: string;
  tensorShape?: TfjsShapeProto;
}

export interface TfjsGraphModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: { node: TfjsNode[] };
  weightsManifest: TfjsWeightsGroup[];
  signature?: {
    inputs?: Record<string, TfjsSignatureTensor>;
    outputs?: Record<string, TfjsSignatureTensor>;
  };
}
