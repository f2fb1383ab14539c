// The logged-query language: what parses, what it means, and what is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseRecordQuery, QueryError, queryColumns } from '../../src/incidents/record-query.ts';

test('a paging query parses into filter, order, limit and offset', () => {
  const q = parseRecordQuery("unit = 'kanto-3' ORDER BY id LIMIT 500 OFFSET 17000");
  assert.deepEqual(q, { where: { kind: 'cmp', column: 'unit', op: '=', value: 'kanto-3' }, orderBy: [{ column: 'id', desc: false }], limit: 500, offset: 17000 });
});

test('AND binds tighter than OR, NOT and parentheses are honoured', () => {
  const q = parseRecordQuery("unit = 'a' OR unit = 'b' AND NOT (dealer IN ('d1', 'd2'))");
  assert.equal(q.where.kind, 'or');
  assert.deepEqual(queryColumns(q).sort(), ['dealer', 'unit']);
});

test("quoted values keep doubled quotes and Japanese text", () => {
  const q = parseRecordQuery("dealer LIKE 'O''Brien 山%'");
  assert.deepEqual(q.where, { kind: 'like', column: 'dealer', pattern: "O'Brien 山%", negated: false });
});

test('malformed queries are refused with where the parse stopped', () => {
  for (const bad of ["unit = 'unterminated", 'unit =', "unit = 'a' AND", 'LIMIT x', "unit ~ 'a'", "unit = 'a' garbage"]) {
    assert.throws(() => parseRecordQuery(bad), QueryError, bad);
  }
});

test('any generated comparison chain parses and names exactly its columns', () => {
  const col = fc.constantFrom('id', 'unit', 'dealer', 'region');
  const val = fc.string({ maxLength: 6 }).map((s) => `'${s.replace(/'/g, "''")}'`);
  fc.assert(
    fc.property(fc.array(fc.tuple(col, fc.constantFrom('=', '!=', '<', '>='), val), { minLength: 1, maxLength: 5 }), fc.constantFrom('AND', 'OR'), (parts, joiner) => {
      const text = parts.map(([c, op, v]) => `${c} ${op} ${v}`).join(` ${joiner} `);
      const q = parseRecordQuery(text);
      assert.deepEqual(queryColumns(q).sort(), [...new Set(parts.map(([c]) => c))].sort());
    }),
  );
});
