import type { Block, ModuleInstance } from './load-terraform.js';

/** A reference found in an expression, such as `var.name` or `aws_lb.this`. */
export type Reference =
  | { kind: 'var' | 'local'; name: string }
  | { kind: 'module'; name: string; output: string }
  | { kind: 'resource' | 'data'; type: string; name: string };

/** A resource or data source that an expression leads to, in the instance that declares it. */
export interface Target {
  instance: ModuleInstance;
  kind: 'resource' | 'data';
  type: string;
  name: string;
}

const REFERENCE_PATTERN =
  /\b(?:(var|local)\.([A-Za-z_][\w-]*)|module\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)|data\.([A-Za-z_]\w*)\.([A-Za-z_][\w-]*)|(aws_\w+)\.([A-Za-z_][\w-]*))/g;

/** True for a string that contains a Terraform expression (hcl2json writes them as `${...}`). */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.includes('${');
}

/** Collects every string inside a JSON value, depth first. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringsIn);
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value).flatMap(stringsIn);
  }
  return [];
}

/** References in every expression inside a value. Literal strings contribute none. */
export function referencesIn(value: unknown): Reference[] {
  const references: Reference[] = [];
  for (const text of stringsIn(value).filter(isExpression)) {
    for (const match of text.matchAll(REFERENCE_PATTERN)) {
      if (match[1]) {
        references.push({ kind: match[1] as 'var' | 'local', name: match[2]! });
      } else if (match[3]) {
        references.push({ kind: 'module', name: match[3], output: match[4]! });
      } else if (match[5]) {
        references.push({ kind: 'data', type: match[5], name: match[6]! });
      } else {
        references.push({ kind: 'resource', type: match[7]!, name: match[8]! });
      }
    }
  }
  return references;
}

/** True when an expression mentions the resource `type.name` (with any index or attribute). */
export function mentionsResource(value: unknown, type: string, name: string): boolean {
  return referencesIn(value).some((reference) => reference.kind === 'resource' && reference.type === type && reference.name === name);
}

/**
 * Follows an expression through variables (to the calling module's arguments), locals and module
 * outputs, and returns the resources and data sources it is built from. A variable that no caller
 * sets leads nowhere, so a value that comes only from a default or a root variable returns [].
 */
export function traceTargets(instance: ModuleInstance, value: unknown, seen = new Set<string>()): Target[] {
  const targets: Target[] = [];
  for (const reference of referencesIn(value)) {
    const key = `${instance.address}|${JSON.stringify(reference)}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);

    switch (reference.kind) {
      case 'resource':
      case 'data':
        targets.push({ instance, kind: reference.kind, type: reference.type, name: reference.name });
        break;
      case 'local':
        if (instance.module.locals.has(reference.name)) {
          targets.push(...traceTargets(instance, instance.module.locals.get(reference.name), seen));
        }
        break;
      case 'var':
        if (instance.parent && instance.callArguments && reference.name in instance.callArguments) {
          targets.push(...traceTargets(instance.parent, instance.callArguments[reference.name], seen));
        }
        break;
      case 'module': {
        const child = instance.children.get(reference.name);
        const output = child?.module.outputs.get(reference.output);
        if (child && output) {
          targets.push(...traceTargets(child, output.value, seen));
        }
        break;
      }
    }
  }
  return targets;
}

/** Returns the body of a traced resource or data source. */
export function targetBody(target: Target): Block | undefined {
  const byType = target.kind === 'resource' ? target.instance.module.resources : target.instance.module.data;
  return byType.get(target.type)?.get(target.name);
}

/** A value that is a whole single reference, such as `${var.tag}`; returns the reference text. */
export function singleReference(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const match = /^\$\{([A-Za-z_][\w.-]*)\}$/.exec(value);
  return match?.[1];
}

/** Outcome of resolving a value to a literal: found, or why not. */
export type Resolution = { resolved: true; value: unknown; via: string[] } | { resolved: false; reason: string; via: string[] };

/**
 * Resolves a value to a literal by following single references: `var.x` to the caller's argument
 * or the variable's default, `local.x` to its value, `module.m.o` to the output. Anything else,
 * such as a function call, stays unresolved.
 */
export function resolveLiteral(instance: ModuleInstance, value: unknown, via: string[] = []): Resolution {
  if (!isExpression(value)) {
    return { resolved: true, value, via };
  }
  const reference = singleReference(value);
  if (!reference) {
    return { resolved: false, reason: `expression ${value} is not a single reference`, via };
  }
  const parts = reference.split('.');
  const step = [...via, `${instance.address}:${reference}`];

  if (parts[0] === 'var' && parts.length === 2) {
    const name = parts[1]!;
    if (instance.parent && instance.callArguments && name in instance.callArguments) {
      return resolveLiteral(instance.parent, instance.callArguments[name], step);
    }
    const variable = instance.module.variables.get(name);
    if (variable && 'default' in variable) {
      return resolveLiteral(instance, variable.default, step);
    }
    return { resolved: false, reason: `var.${name} has no value or default`, via: step };
  }
  if (parts[0] === 'local' && parts.length === 2 && instance.module.locals.has(parts[1]!)) {
    return resolveLiteral(instance, instance.module.locals.get(parts[1]!), step);
  }
  if (parts[0] === 'module' && parts.length === 3) {
    const child = instance.children.get(parts[1]!);
    const output = child?.module.outputs.get(parts[2]!);
    if (child && output) {
      return resolveLiteral(child, output.value, step);
    }
  }
  return { resolved: false, reason: `cannot follow ${reference}`, via: step };
}

/** Values of a nested block, which hcl2json writes as an array of bodies. */
export function nestedBlocks(body: Block | undefined, name: string): Block[] {
  const value = body?.[name];
  if (Array.isArray(value)) {
    return value as Block[];
  }
  return value && typeof value === 'object' ? [value as Block] : [];
}

/**
 * Returns nested blocks, including those generated by `dynamic "name"` blocks, whose `content`
 * replaces the block body.
 */
export function nestedBlocksWithDynamic(body: Block | undefined, name: string): Block[] {
  const dynamicBlocks = nestedBlocks(body, 'dynamic').flatMap((dynamic) => nestedBlocks(dynamic, name));
  return [...nestedBlocks(body, name), ...dynamicBlocks.flatMap((dynamic) => nestedBlocks(dynamic, 'content'))];
}
