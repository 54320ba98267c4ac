import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const MODEL_FILE = 'model.onnx';

const outputPairSchema = z.object({
  scores: z.string().min(1),
  boxes: z.string().min(1),
});

const triple = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

export const modelManifestSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().min(1),
    family: z.literal('nanodet'),
    input: z.object({
      name: z.string().min(1),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      layout: z.literal('NCHW'),
      channelOrder: z.enum(['BGR', 'RGB']),
      mean: triple,
      std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
    }),
    strides: z.array(z.number().int().positive()).min(1),
    regMax: z.number().int().positive(),
    outputs: z.record(z.string(), outputPairSchema),
    labels: z.array(z.string().min(1)).min(1),
    defaults: z.object({
      scoreThreshold: z.number().min(0).max(1),
      iouThreshold: z.number().min(0).max(1),
      maxDetections: z.number().int().positive(),
    }),
  })
  .superRefine((manifest, ctx) => {
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

/** Names of every output tensor the decoder reads, in stride order. */
export function manifestOutputNames(manifest: ModelManifest): string[] {
  return manifest.strides.flatMap((stride) => {
    const pair = manifest.outputs[String(stride)];
    return pair === undefined ? [] : [pair.scores, pair.boxes];
  });
}
