import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from '@jest/globals';

import { checkServiceDockerfile, type ImageExpectations } from './dockerfile/dockerfile-checks.js';
import { defaultPort } from './dockerfile/service-ports.js';
import { FIXTURES_DIR, REPO_DIR } from './paths.js';

const IMAGES = [
  { dockerfile: 'services/ingest/Dockerfile', service: 'ingest', gpu: false, model: false },
  { dockerfile: 'services/results/Dockerfile', service: 'results', gpu: false, model: false },
  { dockerfile: 'services/web/Dockerfile', service: 'web', gpu: false, model: false },
  { dockerfile: 'services/detector/Dockerfile', service: 'detector', gpu: false, model: true },
  { dockerfile: 'services/detector/Dockerfile.gpu', service: 'detector', gpu: true, model: true },
];

async function readFixture(name: string): Promise<string> {
  return readFile(join(FIXTURES_DIR, 'dockerfile', name, 'Dockerfile'), 'utf8');
}

describe('service Dockerfiles', () => {
  for (const image of IMAGES) {
    it(`${image.dockerfile} passes every check`, async () => {
      const expectations: ImageExpectations = { port: await defaultPort(REPO_DIR, image.service), gpu: image.gpu, model: image.model };
      const content = await readFile(join(REPO_DIR, image.dockerfile), 'utf8');

      expect(checkServiceDockerfile(content, expectations)).toEqual([]);
    });
  }

  it('keeps build output and local state out of the build context', async () => {
    const patterns = (await readFile(join(REPO_DIR, '.dockerignore'), 'utf8')).split('\n').map((line) => line.trim());

    for (const pattern of ['**/node_modules', '**/dist', '**/.next', '.cache', 'models', 'test-output', '.git']) {
      expect(patterns).toContain(pattern);
    }
  });
});

describe('Dockerfile fixtures', () => {
  const ingest: ImageExpectations = { port: 3001, gpu: false, model: false };

  it('catches a single-stage root image with dev dependencies', async () => {
    const violations = checkServiceDockerfile(await readFixture('single-stage-root'), ingest);

    expect(violations).toContainEqual(expect.stringMatching(/not multi-stage/));
    expect(violations).toContainEqual(expect.stringMatching(/FROM node:latest is not pinned/));
    expect(violations).toContainEqual(expect.stringMatching(/runs as root \(no USER\)/));
    expect(violations).toContainEqual(expect.stringMatching(/final stage installs dev dependencies/));
    expect(violations).toContainEqual(expect.stringMatching(/no HEALTHCHECK/));
    expect(violations).toContainEqual(expect.stringMatching(/does not EXPOSE 3001/));
  });

  it('catches a health check on the wrong port and path', async () => {
    const violations = checkServiceDockerfile(await readFixture('wrong-health-check'), ingest);

    expect(violations).toContainEqual(expect.stringMatching(/HEALTHCHECK does not use the service port 3001/));
    expect(violations).toContainEqual(expect.stringMatching(/HEALTHCHECK does not request \/health/));
    expect(violations).toContainEqual(expect.stringMatching(/does not EXPOSE 3001, found \["8080"\]/));
  });

  it('catches node_modules copied from a full install', async () => {
    const violations = checkServiceDockerfile(await readFixture('copies-dev-modules'), ingest);

    expect(violations).toContainEqual(expect.stringMatching(/copies \/app\/node_modules from stage build, which installed dev dependencies/));
    expect(violations).toContainEqual(expect.stringMatching(/installs production dependencies only/));
  });

  it('catches a GPU image without CUDA or the model', async () => {
    const violations = checkServiceDockerfile(await readFixture('gpu-without-cuda'), { port: 3002, gpu: true, model: true });

    expect(violations).toContainEqual(expect.stringMatching(/FROM node:20\.20\.2-bookworm-slim should be nvidia\/cuda:12\.x\.y-cudnn-runtime-ubuntu22\.04 in the final stage/));
    expect(violations).toContainEqual(expect.stringMatching(/FROM nvidia\/cuda:12-runtime should be node:20/));
    expect(violations).toContainEqual(expect.stringMatching(/never runs node node_modules\/onnxruntime-node\/script\/install\.js/));
    expect(violations).toContainEqual(expect.stringMatching(/does not run npm run model:prepare/));
  });
});
