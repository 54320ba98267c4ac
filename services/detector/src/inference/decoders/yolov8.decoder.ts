import type { Yolov8Manifest } from '../../model/model-manifest.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import type { ScoredBox } from '../box.js';
import { keepsClass, type CandidateFilter, type DetectionDecoder } from './detection-decoder.js';
import { imageSlice } from './output-slice.js';

const BOX_CHANNELS = 4;

/**
 * Decodes the Ultralytics YOLOv8 / YOLO11 detection head: predictions [B, 4 + C, N], channel-major,
 * where channels 0..3 of anchor n are cx, cy, w, h in input pixels and channels 4.. are class
 * scores after sigmoid, with no objectness. Like Ultralytics' single-label NMS, each anchor yields at
 * most one candidate, its best class; with a class filter, the best of the kept classes.
 */
export class Yolov8Decoder implements DetectionDecoder {
  readonly family = 'yolov8';
  readonly suppressesOverlaps = false;

  constructor(private readonly manifest: Yolov8Manifest) {}

  decode(outputs: ReadonlyMap<string, OutputTensor>, batchIndex: number, _geometry: unknown, filter: CandidateFilter): ScoredBox[] {
    const classCount = this.manifest.labels.length;
    const name = this.manifest.outputs.predictions;
    const predictions = imageSlice(outputs, name, batchIndex, [BOX_CHANNELS + classCount, null]);
    const anchors = predictions.dims[2]!;
    const data = predictions.data;

    // Class-major scan: each class's scores are contiguous, so reading them in order stays cache-friendly.
    const bestScore = new Float32Array(anchors).fill(-Infinity);
    const bestClass = new Int32Array(anchors).fill(-1);
    for (let classId = 0; classId < classCount; classId += 1) {
      if (!keepsClass(filter, classId)) {
        continue;
      }
      const offset = (BOX_CHANNELS + classId) * anchors;
      for (let anchor = 0; anchor < anchors; anchor += 1) {
        const score = data[offset + anchor]!;
        if (score > bestScore[anchor]!) {
          bestScore[anchor] = score;
          bestClass[anchor] = classId;
        }
      }
    }

    const candidates: ScoredBox[] = [];
    for (let anchor = 0; anchor < anchors; anchor += 1) {
      const score = bestScore[anchor]!;
      if (bestClass[anchor]! < 0 || score < filter.minScore) {
        continue;
      }
      const centreX = data[anchor]!;
      const centreY = data[anchors + anchor]!;
      const halfWidth = data[2 * anchors + anchor]! / 2;
      const halfHeight = data[3 * anchors + anchor]! / 2;
      candidates.push({
        box: { x1: centreX - halfWidth, y1: centreY - halfHeight, x2: centreX + halfWidth, y2: centreY + halfHeight },
        classId: bestClass[anchor]!,
        score,
      });
    }
    return candidates;
  }
}
