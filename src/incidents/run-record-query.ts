// Re-runs a logged query against the customer index through Kysely (every value bound as a
// parameter). Queries over encrypted columns cannot be re-run and say why.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';
import { type Cond, isQueryableColumn, parseRecordQuery, QueryError, queryColumns, type QueryColumn } from './record-query.ts';

export type QueryOutcome = { ok: true; ids: string[]; assumedOrder: boolean } | { ok: false; reason: string };

type Eb = ExpressionBuilder<Database, 'customers'>;

function toExpr(eb: Eb, c: Cond): Expression<SqlBool> {
  switch (c.kind) {
    case 'true':
      return eb.lit(true);
    case 'and':
      return eb.and(c.parts.map((p) => toExpr(eb, p)));
    case 'or':
      return eb.or(c.parts.map((p) => toExpr(eb, p)));
    case 'not':
      return eb.not(toExpr(eb, c.part));
    case 'cmp':
      return eb(c.column as QueryColumn, c.op === '!=' ? '<>' : c.op, String(c.value));
    case 'in':
      return eb(c.column as QueryColumn, c.negated ? 'not in' : 'in', c.values.map(String));
    case 'like':
      return eb(c.column as QueryColumn, c.negated ? 'not like' : 'like', c.pattern);
    case 'null':
      return eb(c.column as QueryColumn, c.negated ? 'is not' : 'is', null);
  }
}

export async function runRecordQuery(store: Store, text: string): Promise<QueryOutcome> {
  let q: ReturnType<typeof parseRecordQuery>;
  try {
    q = parseRecordQuery(text);
  } catch (err) {
    if (err instanceof QueryError) return { ok: false, reason: `query not understood: ${err.message}` };
    throw err;
  }
  const bad = queryColumns(q).filter((c) => !isQueryableColumn(c));
  if (bad.length) return { ok: false, reason: `query uses ${bad.join(', ')}, which the index holds only encrypted or not at all` };
  let sel = store.db.selectFrom('customers').select('id').where((eb) => toExpr(eb, q.where));
  // A LIMIT without ORDER BY is read as the CRM's default order, by id; the scope says so.
  const assumedOrder = q.orderBy.length === 0 && q.limit !== undefined;
  const order = q.orderBy.length ? q.orderBy : [{ column: 'id', desc: false }];
  for (const o of order) sel = sel.orderBy(o.column as QueryColumn, o.desc ? 'desc' : 'asc');
  if (q.limit !== undefined) sel = sel.limit(q.limit);
  if (q.offset !== undefined) sel = (q.limit === undefined ? sel.limit(Number.MAX_SAFE_INTEGER) : sel).offset(q.offset);
  const rows = await sel.execute();
  return { ok: true, ids: rows.map((r) => r.id), assumedOrder };
}
