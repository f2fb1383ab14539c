// The query a CRM logged for an export that kept no record ids, parsed into an AST so scoping
// can re-run it against the customer index. A small SQL-WHERE subset: comparisons, IN, LIKE,
// IS [NOT] NULL, AND/OR/NOT, parentheses, ORDER BY, LIMIT, OFFSET. Pure; never evaluates text.

export const QUERYABLE_COLUMNS = ['id', 'unit', 'dealer', 'country', 'region', 'locale'] as const;
export type QueryColumn = (typeof QUERYABLE_COLUMNS)[number];

export type Cond =
  | { kind: 'cmp'; column: string; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: string | number }
  | { kind: 'in'; column: string; values: Array<string | number>; negated: boolean }
  | { kind: 'like'; column: string; pattern: string; negated: boolean }
  | { kind: 'null'; column: string; negated: boolean }
  | { kind: 'and' | 'or'; parts: Cond[] }
  | { kind: 'not'; part: Cond }
  | { kind: 'true' };

export interface RecordQuery {
  where: Cond;
  orderBy: Array<{ column: string; desc: boolean }>;
  limit?: number;
  offset?: number;
}

type Tok = { t: 'word' | 'str' | 'num' | 'op' | 'punct'; v: string; pos: number };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let v = '';
      let j = i + 1;
      for (;;) {
        if (j >= src.length) throw new QueryError(`unterminated string at ${i + 1}`);
        if (src[j] === "'" && src[j + 1] === "'") {
          v += "'";
          j += 2;
        } else if (src[j] === "'") break;
        else v += src[j++];
      }
      out.push({ t: 'str', v, pos: i });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0], pos: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i))!;
      out.push({ t: 'word', v: m[0], pos: i });
      i += m[0].length;
    } else {
      const m = /^(<=|>=|<>|!=|=|<|>)/.exec(src.slice(i));
      if (m) {
        out.push({ t: 'op', v: m[0] === '<>' ? '!=' : m[0], pos: i });
        i += m[0].length;
      } else if ('(),'.includes(c)) {
        out.push({ t: 'punct', v: c, pos: i });
        i++;
      } else throw new QueryError(`unexpected '${c}' at ${i + 1}`);
    }
  }
  return out;
}

export class QueryError extends Error {}

export function parseRecordQuery(src: string): RecordQuery {
  const toks = tokenize(src);
  let p = 0;
  const peekWord = (w: string) => toks[p]?.t === 'word' && toks[p]?.v.toUpperCase() === w;
  const eatWord = (w: string) => {
    if (!peekWord(w)) return false;
    p++;
    return true;
  };
  const expect = (cond: boolean, what: string) => {
    if (!cond) throw new QueryError(`expected ${what} at ${toks[p] ? toks[p]!.pos + 1 : 'end'}`);
  };
  const value = (): string | number => {
    const t = toks[p++];
    expect(t?.t === 'str' || t?.t === 'num', 'a value');
    return t!.t === 'num' ? Number(t!.v) : t!.v;
  };
  const factor = (): Cond => {
    if (eatWord('NOT')) return { kind: 'not', part: factor() };
    if (toks[p]?.v === '(') {
      p++;
      const e = expr();
      expect(toks[p++]?.v === ')', "')'");
      return e;
    }
    const col = toks[p++];
    expect(col?.t === 'word', 'a column');
    const column = col!.v.toLowerCase();
    if (eatWord('IS')) {
      const negated = eatWord('NOT');
      expect(eatWord('NULL'), 'NULL');
      return { kind: 'null', column, negated };
    }
    const negated = eatWord('NOT');
    if (eatWord('IN')) {
      expect(toks[p++]?.v === '(', "'('");
      const values = [value()];
      while (toks[p]?.v === ',') {
        p++;
        values.push(value());
      }
      expect(toks[p++]?.v === ')', "')'");
      return { kind: 'in', column, values, negated };
    }
    if (eatWord('LIKE')) {
      const v = value();
      return { kind: 'like', column, pattern: String(v), negated };
    }
    expect(!negated, 'IN or LIKE after NOT');
    const op = toks[p++];
    expect(op?.t === 'op', 'a comparison operator');
    return { kind: 'cmp', column, op: op!.v as '=', value: value() };
  };
  const term = (): Cond => {
    const parts = [factor()];
    while (eatWord('AND')) parts.push(factor());
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  };
  const expr = (): Cond => {
    const parts = [term()];
    while (eatWord('OR')) parts.push(term());
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  };

  const q: RecordQuery = { where: peekWord('ORDER') || peekWord('LIMIT') || toks.length === 0 ? { kind: 'true' } : expr(), orderBy: [] };
  if (eatWord('ORDER')) {
    expect(eatWord('BY'), 'BY');
    do {
      const col = toks[p++];
      expect(col?.t === 'word', 'a column');
      const desc = eatWord('DESC');
      if (!desc) eatWord('ASC');
      q.orderBy.push({ column: col!.v.toLowerCase(), desc });
    } while (toks[p]?.v === ',' && ++p);
  }
  if (eatWord('LIMIT')) {
    const n = toks[p++];
    expect(n?.t === 'num', 'a number');
    q.limit = Number(n!.v);
    if (eatWord('OFFSET')) {
      const m = toks[p++];
      expect(m?.t === 'num', 'a number');
      q.offset = Number(m!.v);
    }
  }
  expect(p === toks.length, 'end of query');
  return q;
}

/** Columns the query needs; scoping can re-run it only if all are plain in the index. */
export function queryColumns(q: RecordQuery): string[] {
  const cols = new Set<string>(q.orderBy.map((o) => o.column));
  const walk = (c: Cond) => {
    if (c.kind === 'and' || c.kind === 'or') c.parts.forEach(walk);
    else if (c.kind === 'not') walk(c.part);
    else if ('column' in c) cols.add(c.column);
  };
  walk(q.where);
  return [...cols];
}

export function isQueryableColumn(c: string): c is QueryColumn {
  return (QUERYABLE_COLUMNS as readonly string[]).includes(c);
}
