import { readFile, writeFile } from 'node:fs/promises';
import { convertGraphModel } from './convert-graph-model.js';
import { readWeightShards } from './tfjs/read-weight-shards.js';
import type { TfjsGraphModelJson } from './tfjs/tfjs-model.types.js';

const USAGE = 'usage: tsx tools/tfjs-onnx/src/cli.ts <model.json> <out.onnx>';

async function main(argv: string[]): Promise<void> {
  const [modelJsonPath, outputPath] = argv;
  if (modelJsonPath === undefined || outputPath === undefined) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const startedAt = performance.now();
  const model = JSON.parse(await readFile(modelJsonPath, 'utf8')) as TfjsGraphModelJson;
  const weights = await readWeightShards(model, modelJsonPath);
  const onnxBytes = convertGraphModel(model, weights);
  await writeFile(outputPath, onnxBytes);
  const elapsedMs = Math.round(performance.now() - startedAt);
  console.log(`wrote ${outputPath} (${onnxBytes.byteLength} bytes) in ${elapsedMs} ms`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`conversion failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
