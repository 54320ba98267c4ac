// Golden test of the converted NanoDet-g-416 model (models/nanodet-g-416, built by `npm run model:prepare`).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { photoPath } from '@lookout/testing';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const MODEL_PATH = join(process.env.MODEL_DIR ? resolve(process.env.MODEL_DIR) : join(REPO_ROOT, 'models', 'nanodet-g-416'), 'model.onnx');

const INPUT_SIZE_PX = 416;
const CLASS_COUNT = 80;
const BINS_PER_SIDE = 11;
const STRIDES = [8, 16, 32];
const BGR_MEAN = [103.53, 116.28, 123.675];
const BGR_STD = [57.375, 57.12, 58.395];
const COCO_BICYCLE = 1;
const COCO_CAR = 2;
const COCO_TRUCK = 7;
const COCO_DOG = 16;

/**
 * Output statistics for an all-zero input (mid-grey once normalised), recorded from the model built by
 * this importer with onnxruntime-node 1.30.0 on x86-64 CPU. First and last are the first and last elements.
 */
const ZERO_INPUT_GOLDEN: Record<string, { min: number; max: number; mean: number; first: number; last: number }> = {
  cls_pred_stride_8: { min: 0.0010346770286560059, max: 0.015751779079437256, mean: 0.0036978083878987022, first: 0.006990700960159302, last: 0.004362910985946655 },
  dis_pred_stride_8: { min: -1.5758912563323975, max: 3.4346907138824463, mean: -0.000011260385585361677, first: 1.816904067993164, last: -0.21144670248031616 },
  cls_pred_stride_16: { min: 0.002380877733230591, max: 0.015740782022476196, mean: 0.006048279585173497, first: 0.0072265565395355225, last: 0.006479382514953613 },
  dis_pred_stride_16: { min: -1.206835150718689, max: 1.0521457195281982, mean: -0.000013801699326862218, first: -0.3632579445838928, last: -0.6439440846443176 },
  cls_pred_stride_32: { min: 0.0036800503730773926, max: 0.019546478986740112, mean: 0.009451076776318295, first: 0.010457456111907959, last: 0.009931057691574097 },
  dis_pred_stride_32: { min: -1.4544566869735718, max: 1.3804634809494019, mean: -0.000027244568459495237, first: 0.0647575631737709, last: -1.1956101655960083 },
};
/** Absolute tolerance for the golden numbers: other CPUs and thread counts change float32 rounding slightly. */
const GOLDEN_DIGITS = 4;

/** Returns min and max without spreading, which overflows the call stack on large arrays. */
function range(values: Float32Array): { min: number; max: number } {
  return values.reduce((acc, value) => ({ min: Math.min(acc.min, value), max: Math.max(acc.max, value) }), { min: Infinity, max: -Infinity });
}

/** Compares min, max, mean, first and last of an output with its golden statistics. */
function expectGolden(name: string, data: Float32Array, golden: (typeof ZERO_INPUT_GOLDEN)[string]): void {
  const actual = {
    ...range(data),
    mean: data.reduce((sum, value) => sum + value, 0) / data.length,
    first: data[0],
    last: data[data.length - 1],
  };
  for (const key of ['min', 'max', 'mean', 'first', 'last'] as const) {
    expect([name, key, actual[key]]).toEqual([name, key, expect.closeTo(golden[key], GOLDEN_DIGITS)]);
  }
}

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let index = 0; index < a.length; index += 1) {
    max = Math.max(max, Math.abs(a[index] - b[index]));
  }
  return max;
}

interface Detection {
  classId: number;
  score: number;
  box: [number, number, number, number];
}

/** Resizes to 416x416 ignoring aspect ratio, then lays out normalised BGR planes (NCHW). */
async function preprocess(path: string): Promise<Float32Array> {
  const { data } = await sharp(path).resize(INPUT_SIZE_PX, INPUT_SIZE_PX, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const planeSize = INPUT_SIZE_PX * INPUT_SIZE_PX;
  const input = new Float32Array(3 * planeSize);
  for (let pixel = 0; pixel < planeSize; pixel += 1) {
    for (let channel = 0; channel < 3; channel += 1) {
      const rgbIndex = 2 - channel;
      input[channel * planeSize + pixel] = (data[pixel * 3 + rgbIndex] - BGR_MEAN[channel]) / BGR_STD[channel];
    }
  }
  return input;
}

/** Expected distance of one box side: the softmax-weighted mean bin index, in stride units. */
function sideDistance(bins: Float32Array, stride: number): number {
  const peak = Math.max(...bins);
  const weights = Array.from(bins, (bin) => Math.exp(bin - peak));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return (stride * weights.reduce((sum, weight, index) => sum + index * weight, 0)) / total;
}

/** Returns the best class of every cell of every stride, with its box in input pixels. */
function decodeCells(outputs: ort.InferenceSession.OnnxValueMapType): Detection[] {
  const detections: Detection[] = [];
  for (const stride of STRIDES) {
    const grid = INPUT_SIZE_PX / stride;
    const scores = outputs[`cls_pred_stride_${stride}`].data as Float32Array;
    const distributions = outputs[`dis_pred_stride_${stride}`].data as Float32Array;

    for (let cell = 0; cell < grid * grid; cell += 1) {
      const cellScores = scores.subarray(cell * CLASS_COUNT, (cell + 1) * CLASS_COUNT);
      const classId = cellScores.indexOf(Math.max(...cellScores));
      const centreX = ((cell % grid) + 0.5) * stride;
      const centreY = (Math.floor(cell / grid) + 0.5) * stride;
      const [left, top, right, bottom] = [0, 1, 2, 3].map((side) => {
        const start = cell * 4 * BINS_PER_SIDE + side * BINS_PER_SIDE;
        return sideDistance(distributions.subarray(start, start + BINS_PER_SIDE), stride);
      });
      detections.push({ classId, score: cellScores[classId], box: [centreX - left, centreY - top, centreX + right, centreY + bottom] });
    }
  }
  return detections.sort((a, b) => b.score - a.score);
}

function boxCentre(detection: Detection): [number, number] {
  const [x1, y1, x2, y2] = detection.box;
  return [(x1 + x2) / 2, (y1 + y2) / 2];
}

describe('converted NanoDet-g-416', () => {
  let session: ort.InferenceSession;

  beforeAll(async () => {
    if (!existsSync(MODEL_PATH)) {
      throw new Error(`${MODEL_PATH} not found: run \`npm run model:prepare\` first`);
    }
    session = await ort.InferenceSession.create(MODEL_PATH);
  });

  afterAll(async () => {
    await session?.release();
  });

  it('has the expected input and outputs', () => {
    expect(session.inputMetadata).toEqual([{ name: 'input_1', isTensor: true, type: 'float32', shape: ['batch', 3, 416, 416] }]);
    expect(session.outputMetadata.map((output) => [output.name, output.isTensor ? output.shape : undefined])).toEqual([
      ['cls_pred_stride_8', ['batch', 2704, 80]],
      ['dis_pred_stride_8', ['batch', 2704, 44]],
      ['cls_pred_stride_16', ['batch', 676, 80]],
      ['dis_pred_stride_16', ['batch', 676, 44]],
      ['cls_pred_stride_32', ['batch', 169, 80]],
      ['dis_pred_stride_32', ['batch', 169, 44]],
    ]);
  });

  it('matches golden statistics on a mid-grey input', async () => {
    const input = new ort.Tensor('float32', new Float32Array(3 * INPUT_SIZE_PX * INPUT_SIZE_PX), [1, 3, INPUT_SIZE_PX, INPUT_SIZE_PX]);

    const outputs = await session.run({ input_1: input });

    for (const [name, golden] of Object.entries(ZERO_INPUT_GOLDEN)) {
      expectGolden(name, outputs[name].data as Float32Array, golden);
    }
  });

  it('matches the golden statistics for each image of a batch of two', async () => {
    const imageSize = 3 * INPUT_SIZE_PX * INPUT_SIZE_PX;
    const single = await session.run({ input_1: new ort.Tensor('float32', new Float32Array(imageSize), [1, 3, INPUT_SIZE_PX, INPUT_SIZE_PX]) });

    const batched = await session.run({ input_1: new ort.Tensor('float32', new Float32Array(2 * imageSize), [2, 3, INPUT_SIZE_PX, INPUT_SIZE_PX]) });

    for (const [name, golden] of Object.entries(ZERO_INPUT_GOLDEN)) {
      const data = batched[name].data as Float32Array;
      const alone = single[name].data as Float32Array;
      expect([name, batched[name].dims[0]]).toEqual([name, 2]);
      for (const image of [0, 1]) {
        const slice = data.subarray(image * alone.length, (image + 1) * alone.length);
        expectGolden(`${name}[${image}]`, slice, golden);
        expect([name, image, maxAbsDifference(slice, alone)]).toEqual([name, image, expect.closeTo(0, 5)]);
      }
    }
  });

  it('finds the dog, bicycle and truck in dog.jpg', async () => {
    const input = new ort.Tensor('float32', await preprocess(photoPath('dog.jpg')), [1, 3, INPUT_SIZE_PX, INPUT_SIZE_PX]);

    const outputs = await session.run({ input_1: input });
    const top = decodeCells(outputs).slice(0, 20);

    for (const name of STRIDES.map((stride) => `cls_pred_stride_${stride}`)) {
      const scores = outputs[name].data as Float32Array;
      const { min, max } = range(scores);
      expect([name, min >= 0, max <= 1]).toEqual([name, true, true]);
    }
    const best = (classIds: number[]): Detection | undefined => top.find((detection) => classIds.includes(detection.classId));
    const dog = best([COCO_DOG]);
    const bicycle = best([COCO_BICYCLE]);
    const vehicle = best([COCO_TRUCK, COCO_CAR]);

    expect(dog?.score).toBeGreaterThan(0.3);
    expect(bicycle?.score).toBeGreaterThan(0.3);
    expect(vehicle?.score).toBeGreaterThan(0.3);

    // dog.jpg shows the dog bottom left, the bicycle across the middle and the truck top right.
    const half = INPUT_SIZE_PX / 2;
    const [dogX, dogY] = boxCentre(dog as Detection);
    const [vehicleX, vehicleY] = boxCentre(vehicle as Detection);
    const [bicycleX, bicycleY] = boxCentre(bicycle as Detection);
    expect([dogX < half, dogY > half]).toEqual([true, true]);
    expect([vehicleX > half, vehicleY < half]).toEqual([true, true]);
    expect([Math.abs(bicycleX - half) < 50, Math.abs(bicycleY - half) < 50]).toEqual([true, true]);
  });
});
