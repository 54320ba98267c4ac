import { describe, expect, it } from '@jest/globals';
import { nanodetManifestFixture } from '../../../test/support/manifest.fixture.js';
import { InferenceError } from '../../model/model-errors.js';
import type { OutputTensor } from '../../model/onnx-session.adapter.js';
import type { CandidateFilter } from './detection-decoder.js';
import { NanodetDecoder } from './nanodet.decoder.js';

const manifest = nanodetManifestFixture();
const CLASSES = 80;
const BINS = 11;
const ONE_HOT_LOGIT = 100;
const GEOMETRY = { width: 416, height: 416 };
const decoder = new NanodetDecoder(manifest);

function decodeNanoDet(outputs: Map<string, OutputTensor>, minScore: number, classIds: CandidateFilter['classIds'] = null, batchIndex = 0) {
  return decoder.decode(outputs, batchIndex, GEOMETRY, { minScore, classIds });
}

/** All-zero outputs for every stride: scores 0 (below any threshold), uniform box bins. */
function emptyOutputs(): Map<string, OutputTensor> {
  const outputs = new Map<string, OutputTensor>();
  for (const stride of manifest.strides) {
    const cells = (416 / stride) ** 2;
    const names = manifest.outputs[String(stride)]!;
    outputs.set(names.scores, { data: new Float32Array(cells * CLASSES), dims: [1, cells, CLASSES] });
    outputs.set(names.boxes, { data: new Float32Array(cells * 4 * BINS), dims: [1, cells, 4 * BINS] });
  }
  return outputs;
}

/** Sets one cell's score and one-hot bins so each side's distance is exactly `bins[side]` strides. */
function setCell(outputs: Map<string, OutputTensor>, stride: number, cell: number, classId: number, score: number, bins: number[]): void {
  const names = manifest.outputs[String(stride)]!;
  outputs.get(names.scores)!.data[cell * CLASSES + classId] = score;
  const boxes = outputs.get(names.boxes)!.data;
  bins.forEach((bin, side) => {
    boxes[cell * 4 * BINS + side * BINS + bin] = ONE_HOT_LOGIT;
  });
}

describe('NanodetDecoder', () => {
  it('decodes one stride-8 cell to its exact box', () => {
    const outputs = emptyOutputs();
    // Cell in column 20, row 10 of the 52x52 grid: centre (164, 84).
    setCell(outputs, 8, 10 * 52 + 20, 16, 0.9, [2, 3, 4, 5]);

    const candidates = decodeNanoDet(outputs, 0.35);

    expect(candidates).toHaveLength(1);
    const [dog] = candidates;
    expect(dog!.classId).toBe(16);
    expect(dog!.score).toBeCloseTo(0.9, 6);
    expect(dog!.box.x1).toBeCloseTo(164 - 16, 6);
    expect(dog!.box.y1).toBeCloseTo(84 - 24, 6);
    expect(dog!.box.x2).toBeCloseTo(164 + 32, 6);
    expect(dog!.box.y2).toBeCloseTo(84 + 40, 6);
  });

  it('uses the grid and stride of each level', () => {
    const outputs = emptyOutputs();
    // Last cell of the 13x13 stride-32 grid: centre (400, 400).
    setCell(outputs, 32, 13 * 13 - 1, 0, 0.8, [1, 1, 0, 0]);

    const [person] = decodeNanoDet(outputs, 0.35);

    expect(person!.box).toEqual({ x1: 368, y1: 368, x2: 400, y2: 400 });
  });

  it('filters scores below the threshold', () => {
    const outputs = emptyOutputs();
    setCell(outputs, 16, 5, 3, 0.34, [1, 1, 1, 1]);
    setCell(outputs, 16, 6, 3, 0.36, [1, 1, 1, 1]);

    const candidates = decodeNanoDet(outputs, 0.35);

    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.score).toBeCloseTo(0.36, 6);
  });

  it('emits every class above the threshold in a cell', () => {
    const outputs = emptyOutputs();
    setCell(outputs, 8, 0, 2, 0.6, [1, 1, 1, 1]);
    setCell(outputs, 8, 0, 7, 0.5, [1, 1, 1, 1]);

    const candidates = decodeNanoDet(outputs, 0.35);

    expect(candidates.map((candidate) => candidate.classId).sort()).toEqual([2, 7]);
    expect(candidates[0]!.box).toEqual(candidates[1]!.box);
  });

  it('rejects an output of the wrong shape', () => {
    const outputs = emptyOutputs();
    outputs.set('scores_16', { data: new Float32Array(10), dims: [1, 10, 1] });
    expect(() => decodeNanoDet(outputs, 0.35)).toThrow(InferenceError);
    expect(() => decodeNanoDet(outputs, 0.35)).toThrow(/scores_16 has shape \[1, 10, 1\], expected \[1, 676, 80\]/);
  });

  it('rejects a missing output', () => {
    const outputs = emptyOutputs();
    outputs.delete('boxes_32');
    expect(() => decodeNanoDet(outputs, 0.35)).toThrow(/boxes_32 is missing/);
  });
  it('keeps only the filtered classes', () => {
    const outputs = emptyOutputs();
    setCell(outputs, 8, 0, 2, 0.6, [1, 1, 1, 1]);
    setCell(outputs, 8, 1, 7, 0.5, [1, 1, 1, 1]);

    const candidates = decodeNanoDet(outputs, 0.35, new Set([7]));

    expect(candidates.map((candidate) => candidate.classId)).toEqual([7]);
  });

  it('reads the image at its batch index', () => {
    const first = emptyOutputs();
    const second = emptyOutputs();
    setCell(second, 32, 0, 5, 0.7, [1, 1, 1, 1]);
    const batched = new Map<string, OutputTensor>();
    for (const [name, output] of first) {
      const data = new Float32Array(output.data.length * 2);
      data.set(output.data);
      data.set(second.get(name)!.data, output.data.length);
      batched.set(name, { data, dims: [2, ...output.dims.slice(1)] });
    }

    expect(decodeNanoDet(batched, 0.35, null, 0)).toEqual([]);
    expect(decodeNanoDet(batched, 0.35, null, 1).map((candidate) => candidate.classId)).toEqual([5]);
    expect(() => decodeNanoDet(batched, 0.35, null, 2)).toThrow(/contains 2 images, so image 2 is out of range/);
  });
});
