import { UnsupportedOpError } from '../errors.js';
import type { TfjsNode } from './tfjs-model.types.js';

/** Typed read access to the attributes of one TensorFlow node. */
export class NodeAttributes {
  constructor(private readonly node: TfjsNode) {}

  has(name: string): boolean {
    return this.node.attr?.[name] !== undefined;
  }

  string(name: string, fallback?: string): string {
    const encoded = this.node.attr?.[name]?.s;
    if (encoded === undefined) {
      return this.requireFallback(name, fallback);
    }
    return Buffer.from(encoded, 'base64').toString('utf8');
  }

  int(name: string, fallback?: number): number {
    const value = this.node.attr?.[name]?.i;
    if (value === undefined) {
      return this.requireFallback(name, fallback);
    }
    return Number(value);
  }

  float(name: string, fallback?: number): number {
    const value = this.node.attr?.[name]?.f;
    if (value === undefined) {
      return this.requireFallback(name, fallback);
    }
    return value;
  }

  bool(name: string, fallback?: boolean): boolean {
    const value = this.node.attr?.[name]?.b;
    if (value === undefined) {
      return this.requireFallback(name, fallback);
    }
    return value;
  }

  ints(name: string, fallback?: number[]): number[] {
    const values = this.node.attr?.[name]?.list?.i;
    if (values === undefined) {
      return this.requireFallback(name, fallback);
    }
    return values.map(Number);
  }

  /** Returns a dtype attribute such as "DT_FLOAT". */
  type(name: string, fallback?: string): string {
    const value = this.node.attr?.[name]?.type;
    if (value === undefined) {
      return this.requireFallback(name, fallback);
    }
    return value;
  }

  /** Returns the dims of a shape attribute, with -1 for unknown sizes. Protobuf JSON omits a size of 0. */
  shape(name: string): number[] | undefined {
    const shape = this.node.attr?.[name]?.shape;
    if (shape === undefined || shape.unknownRank === true) {
      return undefined;
    }
    return (shape.dim ?? []).map((dim) => Number(dim.size ?? 0));
  }

  private requireFallback<T>(name: string, fallback: T | undefined): T {
    if (fallback === undefined) {
      throw UnsupportedOpError.forNode(this.node.op, this.node.name, `missing attribute "${name}"`);
    }
    return fallback;
  }
}
