import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const MODEL_FILE = 'model.onnx';

export const MODEL_FAMILIES = ['nanodet', 'yolov8', 'end2end', 'ssd'] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

const outputName = z.string().min(1);
const finiteTriple = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);
const positiveTriple = z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]);

/**
 * The model's single image input. Each channel value is `(pixel * scale - mean[c]) / std[c]`, with
 * pixel in 0..255 and c in `channelOrder`: NanoDet uses scale 1 with BGR means, Ultralytics
 * exports scale 1/255 with mean 0 and std 1.
 */
export const modelInputSchema = z.object({
  name: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  layout: z.enum(['NCHW', 'NHWC']),
  channelOrder: z.enum(['BGR', 'RGB']),
  scale: z.number().positive().default(1),
  mean: finiteTriple,
  std: positiveTriple,
  /** Images per session run: a fixed count, or 'dynamic' when the exported batch dimension is symbolic. */
  batch: z.union([z.number().int().positive(), z.literal('dynamic')]).default(1),
  /** letterbox keeps the aspect ratio and pads; stretch fills the whole input, as SSD exports expect. */
  resize: z.enum(['letterbox', 'stretch']).default('letterbox'),
});

const baseShape = {
  id: z.string().min(1),
  version: z.string().min(1),
  /** File name of the ONNX model inside the model folder. */
  file: z
    .string()
    .regex(/^[^/\\]+$/, 'must be a file name inside the model folder, without a path')
    .refine((name) => name !== '.' && name !== '..', 'must be a file name')
    .default(MODEL_FILE),
  input: modelInputSchema,
  labels: z.array(z.string().min(1)).min(1),
  defaults: z.object({
    scoreThreshold: z.number().min(0).max(1),
    iouThreshold: z.number().min(0).max(1),
    maxDetections: z.number().int().positive(),
  }),
};

/** NanoDet: per stride, class scores [B, cells, C] after sigmoid and box bins [B, cells, 4 * (regMax + 1)]. */
const nanodetManifestSchema = z.object({
  ...baseShape,
  family: z.literal('nanodet'),
  strides: z.array(z.number().int().positive()).min(1),
  regMax: z.number().int().positive(),
  outputs: z.record(z.string(), z.object({ scores: outputName, boxes: outputName })),
});

/** Ultralytics YOLOv8 and YOLO11: predictions [B, 4 + C, N], channel-major cx, cy, w, h in input pixels, then class scores. */
const yolov8ManifestSchema = z.object({
  ...baseShape,
  family: z.literal('yolov8'),
  outputs: z.object({ predictions: outputName }),
});

/** Exports with NMS inside the graph: detections [B, N, 6] of x1, y1, x2, y2 in input pixels, score, class id. */
const end2endManifestSchema = z.object({
  ...baseShape,
  family: z.literal('end2end'),
  outputs: z.object({ detections: outputName }),
});

/**
 * SSD-style exports: boxes [B, N, 4] of ymin, xmin, ymax, xmax relative to the whole input (0..1),
 * scores [B, N], class ids [B, N] and optionally num_detections [B], the count of valid rows.
 */
const ssdManifestSchema = z.object({
  ...baseShape,
  family: z.literal('ssd'),
  outputs: z.object({ boxes: outputName, scores: outputName, classes: outputName, numDetections: outputName.optional() }),
});

export const modelManifestSchema = z
  .discriminatedUnion('family', [nanodetManifestSchema, yolov8ManifestSchema, end2endManifestSchema, ssdManifestSchema])
  .superRefine((manifest, ctx) => {
    if (manifest.family !== 'nanodet') {
      return;
    }
    for (const stride of manifest.strides) {
      if (manifest.outputs[String(stride)] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['outputs', String(stride)], message: `missing the output pair of stride ${stride}` });
      }
      if (manifest.input.width % stride !== 0 || manifest.input.height % stride !== 0) {
        ctx.addIssue({ code: 'custom', path: ['strides'], message: `input size is not a multiple of stride ${stride}` });
      }
    }
  });

export type ModelManifest = z.infer<typeof modelManifestSchema>;
export type ModelInput = ModelManifest['input'];
export type NanodetManifest = Extract<ModelManifest, { family: 'nanodet' }>;
export type Yolov8Manifest = Extract<ModelManifest, { family: 'yolov8' }>;
export type End2endManifest = Extract<ModelManifest, { family: 'end2end' }>;
export type SsdManifest = Extract<ModelManifest, { family: 'ssd' }>;
/** A manifest as written in manifest.json, where fields with defaults may be left out. */
export type ModelManifestFile = z.input<typeof modelManifestSchema>;

/** Raised when the model folder is missing a file or its manifest is invalid. */
export class ModelManifestError extends Error {
  readonly code = 'invalid_model_manifest';

  constructor(message: string) {
    super(message);
    this.name = 'ModelManifestError';
  }
}

/** Validates a decoded manifest.json value. `source` names the file in error messages. */
export function parseModelManifest(value: unknown, source: string): ModelManifest {
  const result = modelManifestSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ModelManifestError(`Invalid model manifest ${source}: ${problems.join('; ')}`);
  }
  return result.data;
}

/** Reads and validates `<modelDir>/manifest.json`. */
export async function loadModelManifest(modelDir: string): Promise<ModelManifest> {
  const path = join(modelDir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ModelManifestError(`Model manifest ${path} not found; run \`npm run model:prepare\` or set MODEL_DIR`);
    }
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ModelManifestError(`Model manifest ${path} is not valid JSON`);
  }
  return parseModelManifest(value, path);
}

/** Names of every output tensor the family's decoder reads; NanoDet's in stride order. */
export function manifestOutputNames(manifest: ModelManifest): string[] {
  switch (manifest.family) {
    case 'nanodet':
      return manifest.strides.flatMap((stride) => {
        const pair = manifest.outputs[String(stride)];
        return pair === undefined ? [] : [pair.scores, pair.boxes];
      });
    case 'yolov8':
      return [manifest.outputs.predictions];
    case 'end2end':
      return [manifest.outputs.detections];
    case 'ssd': {
      const { boxes, scores, classes, numDetections } = manifest.outputs;
      return numDetections === undefined ? [boxes, scores, classes] : [boxes, scores, classes, numDetections];
    }
  }
}
