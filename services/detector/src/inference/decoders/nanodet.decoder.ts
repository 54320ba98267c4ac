import type { NanodetManifest } from '../../model/model-manifest.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import type { BoxCorners, ScoredBox } from '../box.js';
import { expectedDistance } from '../distribution.js';
import { keepsClass, type CandidateFilter, type DetectionDecoder } from './detection-decoder.js';
import { imageSlice } from './output-slice.js';

const BOX_SIDES = 4;

/**
 * Decodes NanoDet's per-stride outputs into candidate boxes in letterboxed input pixels.
 *
 * For each stride s the grid has (width / s) x (height / s) cells in row-major order. The scores
 * output is [B, cells, classes] after sigmoid. The boxes output is [B, cells, 4 * (regMax + 1)]
 * and contains the bins of the left, top, right and bottom distances. Every (cell, class) pair scoring at
 * least the minimum score becomes a candidate, as in NanoDet's own multi-class post-processing, so
 * one cell can yield boxes of several classes; NMS runs afterwards.
 */
export class NanodetDecoder implements DetectionDecoder {
  readonly family = 'nanodet';
  readonly suppressesOverlaps = false;

  constructor(private readonly manifest: NanodetManifest) {}

  decode(outputs: ReadonlyMap<string, OutputTensor>, batchIndex: number, _geometry: unknown, filter: CandidateFilter): ScoredBox[] {
    const { manifest } = this;
    const classCount = manifest.labels.length;
    const bins = manifest.regMax + 1;
    const candidates: ScoredBox[] = [];

    for (const stride of manifest.strides) {
      const names = manifest.outputs[String(stride)]!;
      const gridWidth = manifest.input.width / stride;
      const cells = gridWidth * (manifest.input.height / stride);
      const scores = imageSlice(outputs, names.scores, batchIndex, [cells, classCount]).data;
      const distributions = imageSlice(outputs, names.boxes, batchIndex, [cells, BOX_SIDES * bins]).data;

      for (let cell = 0; cell < cells; cell += 1) {
        const scoreOffset = cell * classCount;
        let box: BoxCorners | undefined;
        for (let classId = 0; classId < classCount; classId += 1) {
          const score = scores[scoreOffset + classId]!;
          if (score < filter.minScore || !keepsClass(filter, classId)) {
            continue;
          }
          // The box depends only on the cell, so decode it once for all classes above the threshold.
          box ??= decodeCellBox(distributions, cell, gridWidth, stride, bins);
          candidates.push({ box, classId, score });
        }
      }
    }
    return candidates;
  }
}

function decodeCellBox(distributions: Float32Array, cell: number, gridWidth: number, stride: number, bins: number): BoxCorners {
  const centreX = ((cell % gridWidth) + 0.5) * stride;
  const centreY = (Math.floor(cell / gridWidth) + 0.5) * stride;
  const offset = cell * BOX_SIDES * bins;
  const left = expectedDistance(distributions, offset, bins) * stride;
  const top = expectedDistance(distributions, offset + bins, bins) * stride;
  const right = expectedDistance(distributions, offset + 2 * bins, bins) * stride;
  const bottom = expectedDistance(distributions, offset + 3 * bins, bins) * stride;
  return { x1: centreX - left, y1: centreY - top, x2: centreX + right, y2: centreY + bottom };
}
