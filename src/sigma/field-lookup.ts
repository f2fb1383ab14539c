// Field lookup on plain event objects (CONTRACTS.md): the exact key first, then the dotted path
// into nested objects. Compiled once per field so matching never re-splits names.

export type FieldReader = (event: Record<string, unknown>) => unknown;

export function compileFieldReader(field: string): FieldReader {
  const path = field.split('.');
  if (path.length === 1) {
    return (ev) => {
      const v = ev[field];
      return typeof v === 'function' ? undefined : v; // inherited Object methods are not fields
    };
  }
  return (ev) => {
    const direct = ev[field];
    if (direct !== undefined && typeof direct !== 'function') return direct;
    let cur: unknown = ev;
    for (const key of path) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
    return typeof cur === 'function' ? undefined : cur;
  };
}

/** Scalar text of a field value as rules compare it (numbers and booleans as written). */
export function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return null;
}
