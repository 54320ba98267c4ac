import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { parse } from '@cdktf/hcl2json';

import { loadTerraformModule } from './load-terraform.js';

export const MODULE_FILES = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf', 'README.md'];
export const ENVIRONMENT_FILES = [...MODULE_FILES, 'terraform.tfvars.example'];

const TERRAFORM_VERSION = />=\s*1\.(6|[7-9]|\d{2})/;
// "~> 5.0", "~> 6", ">= 5.0, < 7.0" and similar constraints that admit AWS provider 5 or 6.
const AWS_PROVIDER_VERSION = /(~>\s*[56](\.\d+)*)|(>=\s*[56](\.\d+)*)/;

async function checkVersions(dir: string): Promise<string[]> {
  const path = join(dir, 'versions.tf');
  if (!existsSync(path)) {
    return [];
  }
  const json = await parse(path, await readFile(path, 'utf8'));
  const terraform = (json.terraform as Array<Record<string, unknown>> | undefined)?.[0];
  const violations: string[] = [];
  if (typeof terraform?.required_version !== 'string' || !TERRAFORM_VERSION.test(terraform.required_version)) {
    violations.push(`${path}: required_version must be ">= 1.6" or newer, found ${JSON.stringify(terraform?.required_version)}`);
  }
  const providers = (terraform?.required_providers as Array<Record<string, { source?: string; version?: string }>> | undefined)?.[0];
  const aws = providers?.aws;
  if (aws?.source !== 'hashicorp/aws' || typeof aws.version !== 'string' || !AWS_PROVIDER_VERSION.test(aws.version)) {
    violations.push(`${path}: required_providers.aws must be hashicorp/aws at version 5 or 6, found ${JSON.stringify(aws)}`);
  }
  return violations;
}

/** Checks one module or environment folder: its files, its version pins, typed and described variables, described outputs. */
export async function checkModuleFolder(dir: string, requiredFiles: string[]): Promise<string[]> {
  const violations: string[] = [];
  for (const file of requiredFiles.filter((name) => !existsSync(join(dir, name)))) {
    violations.push(`${dir}: missing ${file}`);
  }
  violations.push(...(await checkVersions(dir)));

  const module = await loadTerraformModule(dir);
  for (const [name, variable] of module.variables) {
    if (variable.type === undefined) {
      violations.push(`${dir}: variable "${name}" has no type`);
    }
    if (typeof variable.description !== 'string' || variable.description.trim() === '') {
      violations.push(`${dir}: variable "${name}" has no description`);
    }
  }
  for (const [name, output] of module.outputs) {
    if (typeof output.description !== 'string' || output.description.trim() === '') {
      violations.push(`${dir}: output "${name}" has no description`);
    }
  }
  return violations;
}

/** Subfolders of a modules folder, one per module. */
export async function moduleFolders(modulesDir: string): Promise<string[]> {
  const entries = await readdir(modulesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(modulesDir, entry.name))
    .sort();
}

/** Checks every module under a modules folder. */
export async function checkModules(modulesDir: string): Promise<string[]> {
  const violations: string[] = [];
  for (const dir of await moduleFolders(modulesDir)) {
    violations.push(...(await checkModuleFolder(dir, MODULE_FILES)));
  }
  return violations;
}
