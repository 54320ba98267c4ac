import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { TfjsGraphModelJson } from './tfjs-model.types.js';

/** Reads every weight shard named in the manifest, relative to model.json, and concatenates them in order. */
export async function readWeightShards(model: TfjsGraphModelJson, modelJsonPath: string): Promise<Uint8Array> {
  const directory = dirname(modelJsonPath);
  const paths = model.weightsManifest.flatMap((group) => group.paths);
  const shards = await Promise.all(paths.map((path) => readFile(resolve(directory, path))));
  return new Uint8Array(Buffer.concat(shards));
}
