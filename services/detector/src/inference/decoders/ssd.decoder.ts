import { InferenceError } from '../../model/model-errors.js';
import type { SsdManifest } from '../../model/model-manifest.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import type { ScoredBox } from '../box.js';
import { keepsClass, type CandidateFilter, type DetectionDecoder, type InputGeometry } from './detection-decoder.js';
import { imageSlice } from './output-slice.js';

const BOX_VALUES = 4;

/**
 * Decodes SSD-style outputs: boxes [B, N, 4] of ymin, xmin, ymax, xmax relative to the whole model
 * input (0..1), scores [B, N], class ids [B, N] and, when the manifest names it, num_detections [B],
 * the count of valid leading rows. Boxes come out in input pixels.
 */
export class SsdDecoder implements DetectionDecoder {
  readonly family = 'ssd';
  readonly suppressesOverlaps = false;

  constructor(private readonly manifest: SsdManifest) {}

  decode(outputs: ReadonlyMap<string, OutputTensor>, batchIndex: number, geometry: InputGeometry, filter: CandidateFilter): ScoredBox[] {
    const names = this.manifest.outputs;
    const classCount = this.manifest.labels.length;
    const boxes = imageSlice(outputs, names.boxes, batchIndex, [null, BOX_VALUES]);
    const rows = boxes.dims[1]!;
    const scores = imageSlice(outputs, names.scores, batchIndex, [rows]).data;
    const classes = imageSlice(outputs, names.classes, batchIndex, [rows]).data;
    const validRows = names.numDetections === undefined ? rows : validRowCount(outputs, names.numDetections, batchIndex, rows);

    const candidates: ScoredBox[] = [];
    for (let row = 0; row < validRows; row += 1) {
      const score = scores[row]!;
      const classId = Math.round(classes[row]!);
      if (score < filter.minScore || classId < 0 || classId >= classCount || !keepsClass(filter, classId)) {
        continue;
      }
      const offset = row * BOX_VALUES;
      candidates.push({
        box: {
          x1: boxes.data[offset + 1]! * geometry.width,
          y1: boxes.data[offset]! * geometry.height,
          x2: boxes.data[offset + 3]! * geometry.width,
          y2: boxes.data[offset + 2]! * geometry.height,
        },
        classId,
        score,
      });
    }
    return candidates;
  }
}

/** Reads num_detections, shaped [B] or [B, 1], and bounds it by the rows present. */
function validRowCount(outputs: ReadonlyMap<string, OutputTensor>, name: string, batchIndex: number, rows: number): number {
  const output = outputs.get(name);
  const tail = output !== undefined && output.dims.length === 2 ? [1] : [];
  const count = imageSlice(outputs, name, batchIndex, tail).data[0]!;
  if (!Number.isFinite(count) || count < 0) {
    throw new InferenceError(`Model output ${name} contains an invalid detection count ${count}`);
  }
  return Math.min(Math.floor(count), rows);
}
