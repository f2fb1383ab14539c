// Applies a source's field mapping (YAML: normalized path -> source field, plus value tables
// for the source's own codes) to a raw record, producing an object in the normalized event's
// shape for checkAccessEvent. Pure. A mapping is compiled once per mapping object (adapters
// call this for every line of files with millions of lines).
import type { FieldMapping } from './log-adapter.ts';

/** The mapping file's options beyond the adapters' FieldMapping port (load-mapping.ts reads them). */
export interface FieldMappingFile extends FieldMapping {
  /** normalized path -> (source value -> normalized value); list fields are mapped element-wise */
  values?: Record<string, Record<string, string>>;
  /** `all` (default): raw keeps the whole source record; `unmapped`: only the fields no mapping names */
  raw?: 'all' | 'unmapped';
}

export function getPath(obj: unknown, path: string): unknown {
  if (obj !== null && typeof obj === 'object' && path in (obj as object)) return (obj as Record<string, unknown>)[path];
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1] as string] = value;
}

const LIST_FIELDS = new Set(['record_ids', 'fields']);

interface CompiledField {
  source: string;
  target: readonly string[];
  list: boolean;
  count: boolean;
  // A Map, not the YAML object: a source value such as `constructor` must not hit the prototype.
  table: Map<string, string> | undefined;
}

interface CompiledMapping {
  defaults: Array<[readonly string[], unknown]>;
  fields: CompiledField[];
  mappedSources: Set<string> | undefined; // set when raw keeps only the unmapped fields
}

function valueTable(m: FieldMappingFile, target: string): Map<string, string> | undefined {
  // `actions` and `actor_types` are the older spelling of `values.action` / `values.actor.type`.
  const legacy = target === 'action' ? m.actions : target === 'actor.type' ? m.actor_types : undefined;
  const merged = { ...legacy, ...m.values?.[target] };
  return Object.keys(merged).length > 0 ? new Map(Object.entries(merged)) : undefined;
}

function compile(m: FieldMappingFile): CompiledMapping {
  return {
    defaults: Object.entries(m.defaults ?? {}).map(([k, v]) => [k.split('.'), v]),
    fields: Object.entries(m.fields).map(([target, source]) => ({
      source,
      target: target.split('.'),
      list: LIST_FIELDS.has(target),
      count: target === 'result_count',
      table: valueTable(m, target),
    })),
    mappedSources: m.raw === 'unmapped' ? new Set(Object.values(m.fields)) : undefined,
  };
}

const compiled = new WeakMap<FieldMapping, CompiledMapping>();

function mapValue(f: CompiledField, v: unknown): unknown {
  if (f.list && typeof v === 'string') v = v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v)) return f.table ? v.map((s: unknown) => (typeof s === 'string' ? (f.table?.get(s) ?? s) : s)) : v;
  if (typeof v !== 'string') return v;
  if (f.count && /^\d+$/.test(v)) return Number(v);
  return f.table?.get(v) ?? v;
}

// A CSV cell is a slice of its line, and V8 keeps the whole line alive as long as the slice is:
// detection holds some values (actors, sessions) for the whole ingest, so on 500,000 lines of the
// demo's vendor export this kept ~300 MB. Copying makes the value its own string (V8 copies slices
// shorter than 13 characters anyway; concatenating and slicing again forces the copy).
function own(v: unknown): unknown {
  if (typeof v === 'string') return v.length >= 13 ? ` ${v}`.slice(1) : v;
  if (Array.isArray(v)) return v.map(own);
  return v;
}

function rawOf(record: Record<string, unknown>, mapped: Set<string> | undefined): Record<string, unknown> {
  if (!mapped) return record;
  const raw: Record<string, unknown> = {};
  for (const k in record) if (!mapped.has(k)) raw[k] = record[k];
  return raw;
}

export function applyMapping(record: Record<string, unknown>, mapping: FieldMappingFile): Record<string, unknown> {
  let c = compiled.get(mapping);
  if (!c) {
    c = compile(mapping);
    compiled.set(mapping, c);
  }
  const out: Record<string, unknown> = {};
  // A default object is copied: fields mapped beneath it must not change it for the next line.
  for (const [path, v] of c.defaults) setPath(out, path, typeof v === 'object' && v !== null ? structuredClone(v) : v);
  for (const f of c.fields) {
    const v = getPath(record, f.source);
    if (v === undefined || v === '') continue;
    setPath(out, f.target, own(mapValue(f, v)));
  }
  out.raw = rawOf(record, c.mappedSources);
  return out;
}
