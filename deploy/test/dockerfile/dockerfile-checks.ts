import { HEALTH_PATH } from '@lookout/contracts';

import { argumentText, copySources, flagValues, instructionsOf, parseStages, type Stage } from './dockerfile-stages.js';

/** What a service image must provide. */
export interface ImageExpectations {
  /** Default port of the service, from its configuration source. */
  port: number;
  /** The image runs on NVIDIA GPUs with onnxruntime-node's CUDA add-on. */
  gpu: boolean;
  /** The image contains the detection model, prepared at build time. */
  model: boolean;
}

// Node.js 20 LTS on Debian bookworm slim, with a full x.y.z version.
const NODE_IMAGE = /^node:20\.\d+\.\d+-bookworm-slim$/;
// CUDA 12 runtime with cuDNN on Ubuntu 22.04, with a full x.y.z version.
const CUDA_IMAGE = /^nvidia\/cuda:12\.\d+\.\d+-cudnn-runtime-ubuntu22\.04$/;
const DIGEST = /@sha256:[0-9a-f]{64}$/;
const ROOT_USERS = new Set(['root', '0', '0:0', 'root:root']);

const FULL_INSTALL = /\bnpm\s+(ci|install|i)\b/;
const PRODUCTION_ONLY = /--omit[= ]dev\b|--production\b|--only[= ]prod/;
const PRUNE = /\bnpm\s+prune\b.*(--omit[= ]dev\b|--production\b)/;
const CUDA_INSTALL = /node\s+node_modules\/onnxruntime-node\/script\/install\.js\s+.*--onnxruntime-node-install=cuda12\b/;
const MODEL_PREPARE = /\bnpm\s+run\s+model:prepare\b/;

function runText(stage: Stage): string[] {
  return instructionsOf(stage, 'RUN').map(argumentText);
}

/** True when a stage installs dev dependencies and never prunes them. */
function installsDevDependencies(stage: Stage): boolean {
  const runs = runText(stage);
  const installsAll = runs.some((run) => FULL_INSTALL.test(run) && !PRODUCTION_ONLY.test(run));
  return installsAll && !runs.some((run) => PRUNE.test(run));
}

function installsProductionOnly(stage: Stage): boolean {
  return runText(stage).some((run) => (FULL_INSTALL.test(run) && PRODUCTION_ONLY.test(run)) || PRUNE.test(run));
}

function lastWorkdir(stage: Stage): string | undefined {
  return instructionsOf(stage, 'WORKDIR').map(argumentText).at(-1);
}

function normalisePath(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}

/** Checks a base image reference: pinned to a full version or a digest, and of the expected family. */
function checkBaseImage(image: string, isFinal: boolean, expectations: ImageExpectations): string[] {
  const violations: string[] = [];
  if (image.includes('$')) {
    return [`FROM ${image} uses a build argument; write the pinned image literally`];
  }
  const [, tag] = image.split(/:(?=[^/]*$)/);
  if (!DIGEST.test(image) && (tag === undefined || tag === 'latest')) {
    violations.push(`FROM ${image} is not pinned; use a full version tag or a digest`);
  }
  const expected = isFinal && expectations.gpu ? CUDA_IMAGE : NODE_IMAGE;
  const withoutDigest = image.replace(/@sha256:[0-9a-f]{64}$/, '');
  if (!expected.test(withoutDigest)) {
    const expectedImage = expected === CUDA_IMAGE ? 'nvidia/cuda:12.x.y-cudnn-runtime-ubuntu22.04' : 'node:20.x.y-bookworm-slim';
    violations.push(`FROM ${image} should be ${expectedImage}${isFinal ? ' in the final stage' : ''}`);
  }
  return violations;
}

/** Checks one service's Dockerfile; returns one message per violation. */
export function checkServiceDockerfile(content: string, expectations: ImageExpectations): string[] {
  const violations: string[] = [];
  const stages = parseStages(content);
  const final = stages.at(-1);
  if (!final) {
    return ['no FROM instruction'];
  }
  if (stages.length < 2) {
    violations.push('the Dockerfile is not multi-stage: build tools and dev dependencies end up in the image');
  }

  const stageNames = new Set<string>();
  for (const stage of stages) {
    if (!stageNames.has(stage.image.toLowerCase())) {
      violations.push(...checkBaseImage(stage.image, stage === final, expectations));
    }
    if (stage.name) {
      stageNames.add(stage.name);
    }
  }

  const users = instructionsOf(final, 'USER').map(argumentText);
  const user = users.at(-1);
  if (user === undefined || ROOT_USERS.has(user)) {
    violations.push(`the final stage runs as ${user ?? 'root (no USER)'}; add a non-root USER`);
  }

  if (installsDevDependencies(final)) {
    violations.push('the final stage installs dev dependencies; use npm ci --omit=dev or npm prune --omit=dev');
  }
  const copiedStages = instructionsOf(final, 'COPY')
    .map((copy) => ({ copy, from: flagValues(copy).get('from')?.toLowerCase() }))
    .filter((entry) => entry.from !== undefined)
    .map((entry) => ({ ...entry, stage: stages.find((stage) => stage.name === entry.from) }));
  const productionSource = installsProductionOnly(final) || copiedStages.some((entry) => entry.stage && installsProductionOnly(entry.stage));
  if (!productionSource) {
    violations.push('no stage that the final stage uses installs production dependencies only (npm ci --omit=dev)');
  }
  for (const { copy, stage } of copiedStages) {
    if (!stage || !installsDevDependencies(stage)) {
      continue;
    }
    const workdir = lastWorkdir(stage);
    for (const source of copySources(copy)) {
      if (source.includes('node_modules') || (workdir !== undefined && normalisePath(source) === normalisePath(workdir))) {
        violations.push(`the final stage copies ${source} from stage ${stage.name}, which installed dev dependencies`);
      }
    }
  }

  const healthchecks = instructionsOf(final, 'HEALTHCHECK').map(argumentText);
  const healthcheck = healthchecks.at(-1);
  if (!healthcheck) {
    violations.push('the final stage has no HEALTHCHECK');
  } else {
    if (!healthcheck.includes(`${expectations.port}`)) {
      violations.push(`the HEALTHCHECK does not use the service port ${expectations.port}: ${healthcheck}`);
    }
    if (!healthcheck.includes(`'${HEALTH_PATH}'`) && !healthcheck.includes(`"${HEALTH_PATH}"`) && !healthcheck.includes(`${HEALTH_PATH}'`)) {
      violations.push(`the HEALTHCHECK does not request ${HEALTH_PATH}: ${healthcheck}`);
    }
  }

  const exposed = instructionsOf(final, 'EXPOSE').flatMap((expose) => argumentText(expose).split(/\s+/));
  if (!exposed.some((port) => port === `${expectations.port}` || port === `${expectations.port}/tcp`)) {
    violations.push(`the final stage does not EXPOSE ${expectations.port}, found ${JSON.stringify(exposed)}`);
  }

  const allRuns = stages.flatMap(runText);
  if (expectations.model && !allRuns.some((run) => MODEL_PREPARE.test(run))) {
    violations.push('the image does not run npm run model:prepare at build time');
  }
  if (expectations.gpu) {
    const cudaStages = stages.filter((stage) => runText(stage).some((run) => CUDA_INSTALL.test(run)));
    if (cudaStages.length === 0) {
      violations.push('the GPU image never runs node node_modules/onnxruntime-node/script/install.js --onnxruntime-node-install=cuda12');
    } else if (!cudaStages.some((stage) => stage === final || copiedStages.some((entry) => entry.stage === stage))) {
      violations.push('the final stage does not take node_modules from the stage that installed the CUDA add-on');
    }
  }
  return violations;
}
