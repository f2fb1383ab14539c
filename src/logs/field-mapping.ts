// Applies a source's field mapping (YAML: normalized path -> source field) to a raw record,
// producing an object in the normalized event's shape for checkAccessEvent. Pure.
import type { FieldMapping } from './log-adapter.ts';

export function getPath(obj: unknown, path: string): unknown {
  if (obj !== null && typeof obj === 'object' && path in (obj as object)) return (obj as Record<string, unknown>)[path];
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1] as string] = value;
}

const LIST_FIELDS = new Set(['record_ids', 'fields']);

export function applyMapping(record: Record<string, unknown>, mapping: FieldMapping): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(mapping.defaults ?? {})) setPath(out, k, v);
  for (const [target, sourceField] of Object.entries(mapping.fields)) {
    let v = getPath(record, sourceField);
    if (v === undefined || v === '') continue;
    if (LIST_FIELDS.has(target) && typeof v === 'string') v = v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
    if (target === 'result_count' && typeof v === 'string' && /^\d+$/.test(v)) v = Number(v);
    if (target === 'action' && typeof v === 'string') v = mapping.actions?.[v] ?? v;
    if (target === 'actor.type' && typeof v === 'string') v = mapping.actor_types?.[v] ?? v;
    setPath(out, target, v);
  }
  out.raw = record;
  return out;
}
