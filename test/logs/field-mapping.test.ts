// Field mappings: a source's own columns and codes onto the normalized event. Value tables map
// scalars and each element of a list; `raw: unmapped` keeps only what no mapping names; the
// YAML file round-trips awkward keys and values, and its mistakes are named with the file.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { stringify } from 'yaml';
import { csvMappedAdapter } from '../../src/logs/adapters/csv-mapped.ts';
import { applyMapping, type FieldMappingFile } from '../../src/logs/field-mapping.ts';
import { loadMapping } from '../../src/logs/load-mapping.ts';

const dir = mkdtempSync(join(tmpdir(), 'warden-mapping-'));

const base: FieldMappingFile = {
  fields: {
    time: 'When',
    action: 'Op',
    'actor.user': 'Who',
    'actor.type': 'Kind',
    fields: 'Items',
    outcome: 'Result',
    result_count: 'Rows',
  },
  actions: { EXP: 'export' },
  actor_types: { VS: 'vendor_staff' },
  values: { fields: { NM: 'name', TEL: 'phone' }, outcome: { OK: 'success', NG: 'failure' } },
};
const row = {
  When: '2026-11-02T01:00:00+09:00',
  Op: 'EXP',
  Who: 'a@x',
  Kind: 'VS',
  Items: 'NM;TEL',
  Result: 'NG',
  Rows: '12',
  Extra: 'kept',
};

describe('applyMapping', () => {
  test('value tables map scalars and each element of a list; counts become numbers', () => {
    const out = applyMapping(row, base);
    assert.equal(out.action, 'export');
    assert.deepEqual(out.actor, { user: 'a@x', type: 'vendor_staff' });
    assert.deepEqual(out.fields, ['name', 'phone']);
    assert.equal(out.outcome, 'failure');
    assert.equal(out.result_count, 12);
  });

  test('a code the tables do not know passes through unchanged, for validation to name it', () => {
    const out = applyMapping({ ...row, Op: 'PURGE', Items: 'NM;SHOE' }, base);
    assert.equal(out.action, 'PURGE');
    assert.deepEqual(out.fields, ['name', 'SHOE']);
  });

  test('a source value named like an Object property is not looked up on the prototype', () => {
    const out = applyMapping({ ...row, Op: 'constructor', Result: 'toString' }, base);
    assert.equal(out.action, 'constructor');
    assert.equal(out.outcome, 'toString');
  });

  test('values.action overrides the older actions table for the same code', () => {
    const out = applyMapping(row, {
      ...base,
      values: { ...base.values, action: { EXP: 'bulk_read' } },
    });
    assert.equal(out.action, 'bulk_read');
  });

  test('raw keeps the whole record by default and only the unmapped columns with raw: unmapped', () => {
    assert.deepEqual(applyMapping(row, base).raw, row);
    assert.deepEqual(applyMapping(row, { ...base, raw: 'unmapped' }).raw, { Extra: 'kept' });
  });

  test('a default object is not changed by the fields mapped beneath it', () => {
    const m: FieldMappingFile = {
      fields: { 'actor.user': 'Who' },
      defaults: { actor: { type: 'service' } },
    };
    const first = applyMapping({ Who: 'a' }, m);
    const second = applyMapping({}, m);
    assert.deepEqual(first.actor, { type: 'service', user: 'a' });
    assert.deepEqual(second.actor, { type: 'service' });
  });
});

describe('loadMapping', () => {
  test('keys and values with commas, quotes, colons and Japanese survive the YAML file', async () => {
    const mapping: FieldMappingFile = {
      fields: { time: '日時', action: '操作, 種別', query: 'Filter "raw"', fields: 'Items: list' },
      actions: { 顧客エクスポート: 'export', 'SEARCH, "quick"': 'search' },
      values: { fields: { 氏名: 'name', "電話 'mobile'": 'phone' } },
      raw: 'unmapped',
    };
    const file = join(dir, 'special.yaml');
    writeFileSync(file, stringify(mapping));
    assert.deepEqual(await loadMapping(file), mapping);
    // And a CSV written with those headers reads through it.
    const parser = csvMappedAdapter.open({ source: 's', mapping: await loadMapping(file) });
    parser.parse('日時,"操作, 種別","Filter ""raw""",Items: list', 1);
    const r = parser.parse(
      '2026-11-02T01:00:00+09:00,"SEARCH, ""quick""","name = \'山田, 太郎\' AND note = ""x""",氏名;電話 \'mobile\'',
      2,
    );
    assert.equal(r.ok, true);
    if (r.ok !== true) return;
    assert.equal(r.event.action, 'search');
    assert.equal(r.event.query, 'name = \'山田, 太郎\' AND note = "x"');
    assert.deepEqual(r.event.fields, ['name', 'phone']);
  });

  test('a value table for a path no field fills is refused, naming the file and the path', async () => {
    const file = join(dir, 'typo.yaml');
    writeFileSync(
      file,
      stringify({ fields: { action: 'Op' }, values: { outcom: { OK: 'success' } } }),
    );
    await assert.rejects(loadMapping(file), (e: Error & { where?: string }) => {
      assert.match(e.message, /values\.outcom: no field is mapped to 'outcom'/);
      assert.equal(e.where, file);
      return true;
    });
  });

  test('raw takes only all or unmapped', async () => {
    const file = join(dir, 'raw.yaml');
    writeFileSync(file, stringify({ fields: { action: 'Op' }, raw: 'some' }));
    await assert.rejects(loadMapping(file), /raw:/);
  });
});
