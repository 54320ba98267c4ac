import { resolve } from 'node:path';

import { beforeAll, describe, expect, it } from '@jest/globals';

import { INVARIANTS } from './terraform/invariants/index.js';
import { allInstances, loadModuleTree, loadTfvars, type ModuleInstance } from './terraform/load-terraform.js';
import { checkModuleFolder, checkModules, ENVIRONMENT_FILES, moduleFolders } from './terraform/module-layout.js';
import { EXAMPLE_DIR, MODULES_DIR } from './paths.js';

describe('example environment', () => {
  let root: ModuleInstance;

  beforeAll(async () => {
    root = await loadModuleTree(EXAMPLE_DIR);
  });

  for (const [name, invariant] of Object.entries(INVARIANTS)) {
    it(`satisfies ${name}`, () => {
      expect(invariant(root)).toEqual([]);
    });
  }

  it('calls every module', async () => {
    const used = new Set(allInstances(root).map((instance) => resolve(instance.module.dir)));
    const unused = (await moduleFolders(MODULES_DIR)).filter((dir) => !used.has(resolve(dir)));

    expect(unused).toEqual([]);
  });

  it('puts the detector behind no load balancer', () => {
    const detector = root.children.get('detector');

    expect(detector?.callArguments?.target_group_arn).toBeNull();
    expect(detector?.callArguments?.ingress_security_group_id).toBeNull();
  });

  it('lets only results reach the database', () => {
    const clients = root.children.get('data')?.callArguments?.database_client_security_group_ids;

    expect(clients).toEqual({ results: '${module.results.security_group_id}' });
  });

  it('lets only the services reach NATS', () => {
    const nats = root.children.get('nats')?.callArguments;

    expect(Object.keys(nats?.client_security_group_ids as object).sort()).toEqual(['detector', 'ingest', 'results']);
    expect(Object.keys(nats?.monitoring_security_group_ids as object)).toEqual(['jetstream-metrics']);
  });

  it('pins every image tag in the tfvars example', async () => {
    const tfvars = await loadTfvars(resolve(EXAMPLE_DIR, 'terraform.tfvars.example'));
    const tags = Object.entries(tfvars).filter(([name]) => name.endsWith('image_tag'));

    expect(tags.length).toBeGreaterThan(0);
    for (const [name, value] of tags) {
      expect({ name, value }).toEqual({ name, value: expect.not.stringMatching(/^latest$|^$/) });
    }
  });
});

describe('module layout', () => {
  it('gives every module its files, pins and documented variables', async () => {
    expect(await checkModules(MODULES_DIR)).toEqual([]);
  });

  it('gives the example environment its files', async () => {
    expect(await checkModuleFolder(EXAMPLE_DIR, ENVIRONMENT_FILES)).toEqual([]);
  });
});
