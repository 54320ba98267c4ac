import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

import { parse } from '@cdktf/hcl2json';

/** Attributes and nested blocks of one Terraform block, as @cdktf/hcl2json returns them. */
export type Block = Record<string, unknown>;

/** All blocks of one Terraform module directory, merged over its .tf files. */
export interface TerraformModule {
  dir: string;
  files: string[];
  /** Resource type => resource name => body. */
  resources: Map<string, Map<string, Block>>;
  /** Data source type => data source name => body. */
  data: Map<string, Map<string, Block>>;
  moduleCalls: Map<string, Block>;
  variables: Map<string, Block>;
  outputs: Map<string, Block>;
  locals: Map<string, unknown>;
}

/** A module as it is used: the root, or a module call with its arguments, resolved to its source. */
export interface ModuleInstance {
  /** Address such as `root` or `root.module.edge`. */
  address: string;
  module: TerraformModule;
  parent?: ModuleInstance;
  callName?: string;
  callArguments?: Block;
  children: Map<string, ModuleInstance>;
}

/** Reads one file's JSON form. @cdktf/hcl2json wraps every block body in a one-element array. */
async function parseFile(path: string): Promise<Record<string, unknown>> {
  const text = await readFile(path, 'utf8');
  try {
    return await parse(path, text);
  } catch (error) {
    throw new Error(`Failed to parse ${path}: ${String(error)}`);
  }
}

function firstBody(value: unknown): Block {
  return (Array.isArray(value) ? value[0] : value) as Block;
}

function addNamed(target: Map<string, Block>, entries: unknown, where: string): void {
  for (const [name, body] of Object.entries((entries ?? {}) as Record<string, unknown>)) {
    if (target.has(name)) {
      throw new Error(`${where}.${name} is declared twice`);
    }
    target.set(name, firstBody(body));
  }
}

function addTyped(target: Map<string, Map<string, Block>>, entries: unknown, where: string): void {
  for (const [type, byName] of Object.entries((entries ?? {}) as Record<string, unknown>)) {
    const named = target.get(type) ?? new Map<string, Block>();
    addNamed(named, byName, `${where} ${type}`);
    target.set(type, named);
  }
}

/** Parses every .tf file directly in `dir` (not its subdirectories) into one module. */
export async function loadTerraformModule(dir: string): Promise<TerraformModule> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.tf')).sort();
  if (files.length === 0) {
    throw new Error(`No .tf files in ${dir}`);
  }
  const module: TerraformModule = {
    dir,
    files,
    resources: new Map(),
    data: new Map(),
    moduleCalls: new Map(),
    variables: new Map(),
    outputs: new Map(),
    locals: new Map(),
  };

  for (const file of files) {
    const json = await parseFile(join(dir, file));
    addTyped(module.resources, json.resource, `${file}: resource`);
    addTyped(module.data, json.data, `${file}: data`);
    addNamed(module.moduleCalls, json.module, `${file}: module`);
    addNamed(module.variables, json.variable, `${file}: variable`);
    addNamed(module.outputs, json.output, `${file}: output`);
    for (const localsBlock of (json.locals ?? []) as Array<Record<string, unknown>>) {
      for (const [name, value] of Object.entries(localsBlock)) {
        if (module.locals.has(name)) {
          throw new Error(`${file}: local.${name} is declared twice`);
        }
        module.locals.set(name, value);
      }
    }
  }
  return module;
}

function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../');
}

/**
 * Loads `rootDir` and, recursively, every module it calls with a local source, so that
 * references can be followed from a module call's arguments into the module and back.
 */
export async function loadModuleTree(rootDir: string): Promise<ModuleInstance> {
  const cache = new Map<string, TerraformModule>();

  async function load(dir: string): Promise<TerraformModule> {
    const absolute = resolve(dir);
    const cached = cache.get(absolute);
    if (cached) {
      return cached;
    }
    const module = await loadTerraformModule(absolute);
    cache.set(absolute, module);
    return module;
  }

  async function instantiate(dir: string, address: string, parent?: ModuleInstance, callName?: string, callArguments?: Block): Promise<ModuleInstance> {
    const instance: ModuleInstance = { address, module: await load(dir), parent, callName, callArguments, children: new Map() };
    for (const [name, call] of instance.module.moduleCalls) {
      const source = call.source;
      if (typeof source !== 'string' || !isLocalSource(source)) {
        throw new Error(`${address}.module.${name}: only local module sources are supported, got ${String(source)}`);
      }
      const childDir = isAbsolute(source) ? source : join(instance.module.dir, source);
      instance.children.set(name, await instantiate(childDir, `${address}.module.${name}`, instance, name, call));
    }
    return instance;
  }

  return instantiate(rootDir, 'root');
}

/** Visits an instance and all instances below it. */
export function allInstances(root: ModuleInstance): ModuleInstance[] {
  const found = [root];
  for (const child of root.children.values()) {
    found.push(...allInstances(child));
  }
  return found;
}

/** One resource (or data source) of one module instance. */
export interface ResourceEntry {
  instance: ModuleInstance;
  type: string;
  name: string;
  body: Block;
  /** Address for messages, such as `root.module.edge.aws_lb.this`. */
  address: string;
}

/** Returns every resource of the given type in the tree. */
export function resourcesOfType(root: ModuleInstance, type: string): ResourceEntry[] {
  const entries: ResourceEntry[] = [];
  for (const instance of allInstances(root)) {
    for (const [name, body] of instance.module.resources.get(type) ?? []) {
      entries.push({ instance, type, name, body, address: `${instance.address}.${type}.${name}` });
    }
  }
  return entries;
}

/** Parses a .tfvars file (HCL attributes only). */
export async function loadTfvars(path: string): Promise<Record<string, unknown>> {
  return parseFile(path);
}
