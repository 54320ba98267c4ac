import type { End2endManifest } from '../../model/model-manifest.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import type { ScoredBox } from '../box.js';
import { keepsClass, type CandidateFilter, type DetectionDecoder } from './detection-decoder.js';
import { imageSlice } from './output-slice.js';

const ROW_LENGTH = 6;

/**
 * Decodes exports that run NMS inside the graph: detections [B, N, 6], each row x1, y1, x2, y2 in
 * input pixels, score, class id. Rows padding the output to N score 0 or have no area, so the
 * score filter or the later zero-area check drops them.
 */
export class End2endDecoder implements DetectionDecoder {
  readonly family = 'end2end';
  readonly suppressesOverlaps = true;

  constructor(private readonly manifest: End2endManifest) {}

  decode(outputs: ReadonlyMap<string, OutputTensor>, batchIndex: number, _geometry: unknown, filter: CandidateFilter): ScoredBox[] {
    const classCount = this.manifest.labels.length;
    const { data, dims } = imageSlice(outputs, this.manifest.outputs.detections, batchIndex, [null, ROW_LENGTH]);
    const candidates: ScoredBox[] = [];
    for (let row = 0; row < dims[1]!; row += 1) {
      const offset = row * ROW_LENGTH;
      const score = data[offset + 4]!;
      const classId = Math.round(data[offset + 5]!);
      if (score < filter.minScore || classId < 0 || classId >= classCount || !keepsClass(filter, classId)) {
        continue;
      }
      candidates.push({ box: { x1: data[offset]!, y1: data[offset + 1]!, x2: data[offset + 2]!, y2: data[offset + 3]! }, classId, score });
    }
    return candidates;
  }
}
