import { referencesIn } from '../expressions.js';
import type { ModuleInstance } from '../load-terraform.js';

/**
 * Collects the text of a task definition's container definitions with every local it uses, transitively.
 * Container definitions are jsonencode() expressions, so some parts arrive as HCL text
 * (`image = local.image`) and others, taken from locals, as parsed JSON (`"image":"${...}"`).
 */
export function containerDefinitionText(instance: ModuleInstance, value: unknown): string {
  const parts: string[] = [];
  const pending: unknown[] = [value];
  const seenLocals = new Set<string>();
  while (pending.length > 0) {
    const next = pending.pop();
    parts.push(typeof next === 'string' ? next : JSON.stringify(next));
    for (const reference of referencesIn(next)) {
      if (reference.kind === 'local' && !seenLocals.has(reference.name) && instance.module.locals.has(reference.name)) {
        seenLocals.add(reference.name);
        pending.push(instance.module.locals.get(reference.name));
      }
    }
  }
  return parts.join('\n');
}

/**
 * Values assigned to a container definition attribute, in HCL (`key = value`) or JSON
 * (`"key":"value"`) form, normalised to hcl2json's convention: quoted strings lose their quotes
 * and a bare HCL reference such as `local.image` becomes `${local.image}`.
 */
export function attributeValues(text: string, key: string): string[] {
  const escaped = key.replace(/[-]/g, '\\-');
  // A value is a quoted string, a bare reference such as aws_cloudwatch_log_group.this[0].name, or the start of an object or list.
  const hcl = new RegExp(`(?:^|[\\s{,])"?${escaped}"?\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|[A-Za-z_][\\w.\\[\\]*-]*|\\{|\\[)`, 'g');
  const json = new RegExp(`"${escaped}":("(?:[^"\\\\]|\\\\.)*"|\\{[^}]*\\}|[^,}\\]]+)`, 'g');
  const values: string[] = [];
  for (const match of text.matchAll(hcl)) {
    const value = match[1]!;
    values.push(isQuoted(value) ? unquote(value) : `\${${value}}`);
  }
  for (const match of text.matchAll(json)) {
    values.push(unquote(match[1]!));
  }
  return values;
}

function isQuoted(value: string): boolean {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"');
}

function unquote(value: string): string {
  return isQuoted(value) ? value.slice(1, -1).replace(/\\"/g, '"') : value;
}
