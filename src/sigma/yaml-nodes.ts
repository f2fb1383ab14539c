// Position-aware reading of `yaml` documents: look up keys in maps, turn offsets into 1-based
// file:line:col, and read scalars the way Sigma means them (plain `0x17` stays the text "0x17").
import {
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { RuleError, RuleValue, SourcePos } from './types.ts';

export class DocReader {
  readonly errors: RuleError[] = [];
  constructor(
    readonly file: string,
    readonly lines: LineCounter,
  ) {}

  posAt(offset: number): SourcePos {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  posOf(node: unknown, fallback = 0): SourcePos {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return this.posAt(range ? range[0] : fallback);
  }

  error(node: unknown, message: string, extraCols = 0): void {
    const p = this.posOf(node);
    this.errors.push({ file: p.file, line: p.line, col: p.col + extraCols, message });
  }

  errorAt(pos: SourcePos, message: string): void {
    this.errors.push({ ...pos, message });
  }
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

export function nodeOf(map: YAMLMap, key: string): Node | undefined {
  const v = pairOf(map, key)?.value;
  return (v ?? undefined) as Node | undefined;
}

/** A scalar's value as a Sigma rule value: numbers keep their written form when it differs. */
export function ruleValueOf(node: Scalar): RuleValue {
  const v = node.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    const src = node.source;
    if (typeof src === 'string' && src !== String(v)) return src;
    return v;
  }
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Reads a string-valued key; reports a type error when present with another type. */
export function stringAt(
  r: DocReader,
  map: YAMLMap,
  key: string,
  required: boolean,
): string | undefined {
  const pair = pairOf(map, key);
  if (!pair) {
    if (required) r.error(map, `missing required "${key}"`);
    return undefined;
  }
  const v = pair.value;
  if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number'))
    return String(v.value);
  r.error(v ?? pair.key, `"${key}" must be a string`);
  return undefined;
}

export function stringListAt(r: DocReader, map: YAMLMap, key: string): string[] {
  const v = nodeOf(map, key);
  if (v === undefined) return [];
  if (isScalar(v) && v.value !== null) return [String(v.value)];
  if (isSeq(v)) {
    const out: string[] = [];
    for (const item of v.items) {
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object')
        out.push(String(item.value));
      else r.error(item, `"${key}" entries must be strings`);
    }
    return out;
  }
  r.error(v, `"${key}" must be a list of strings`);
  return [];
}

export { isMap, isScalar, isSeq };
