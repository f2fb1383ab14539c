// Ingest on every dialect: normalized JSONL and CSV, malformed lines quarantined once with
// file:line and reason, a duplicate file stored once, a truncated last line, and a kill -9
// mid-file followed by the same command losing nothing and duplicating nothing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ingestFile } from '../../src/logs/ingest.ts';
import { countRows } from '../../src/store/count-rows.ts';
import { openStore } from '../../src/store/open-store.ts';
import { activeDialects, freshStore, freshUrl, type TestStore } from '../support/dialects.ts';

const dir = mkdtempSync(join(tmpdir(), 'warden-ingest-'));

function event(i: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `e${i}`,
    time: new Date(Date.UTC(2026, 10, 2, 0, 0, i)).toISOString(),
    source: 'dealer-crm',
    actor: { user: `u${i % 3}@x.example`, type: 'dealer_staff', session: `s${i % 5}` },
    src_ip: `10.0.0.${i % 7}`,
    action: 'view',
    object: 'customer',
    record_ids: [`C${i}`],
    fields: ['name', 'phone'],
    outcome: 'success',
    ...extra,
  });
}

const jsonl = join(dir, 'access.jsonl');
writeFileSync(
  jsonl,
  [
    event(1),
    '{"id": "broken", "time": ', // line 2: not JSON
    event(3),
    event(4, { action: 'teleport' }), // line 4: unknown action
    '',
    event(6, { fields: ['name', 'shoe_size'] }), // line 6: unknown category
    event(7, { time: 'yesterday' }), // line 7: bad time
    event(8),
    event(9).slice(0, 40), // line 9: truncated last line
  ].join('\n'),
);

for (const dialect of await activeDialects()) {
  describe(`ingest on ${dialect}`, () => {
    let t: TestStore;
    before(async () => {
      t = await freshStore(dialect);
    });
    after(async () => t.drop());

    test('good lines are stored and each malformed line is named by file:line and reason', async () => {
      const problems: string[] = [];
      const r = await ingestFile(t.store, { source: 'dealer-crm', file: jsonl, onProblem: (w, why) => problems.push(`${w}: ${why}`) });
      assert.equal(r.format, 'jsonl');
      assert.equal(r.stored, 3);
      assert.equal(r.malformed, 5);
      const short = problems.map((p) => p.replace(dir, ''));
      assert.match(short[0] ?? '', /^\/access\.jsonl:2: not JSON/);
      assert.match(short[1] ?? '', /^\/access\.jsonl:4: action: unknown action 'teleport'/);
      assert.match(short[2] ?? '', /^\/access\.jsonl:6: fields: unknown data category 'shoe_size'/);
      assert.match(short[3] ?? '', /^\/access\.jsonl:7: time:/);
      assert.match(short[4] ?? '', /^\/access\.jsonl:9: not JSON/);
      const q = await t.store.db.selectFrom('quarantine').selectAll().orderBy('line').execute();
      assert.deepEqual(q.map((x) => Number(x.line)), [2, 4, 6, 7, 9]);
    });

    test('the same file ingested again stores nothing twice and quarantines nothing twice', async () => {
      const r = await ingestFile(t.store, { source: 'dealer-crm', file: jsonl });
      assert.equal(r.stored, 0);
      assert.equal(r.duplicates, 3);
      assert.equal(r.quarantined, 0);
      const c = await countRows(t.store);
      assert.equal(c.events, 3);
      assert.equal(c.quarantined, 5);
    });

    test('CSV with dotted column names is sniffed and normalized', async () => {
      const csv = join(dir, `access-${dialect}.csv`);
      writeFileSync(csv, 'id,time,source,actor.user,actor.type,src_ip,action,record_ids,fields\nc1,2026-11-02T01:00:00+09:00,dealer-crm,a@x,vendor_staff,198.51.100.23,export,C1;C2,name;email\nc2,2026-11-02T01:01:00+09:00,dealer-crm,a@x,vendor_staff,198.51.100.23,export,"C3",name\nc3,bad\n');
      const r = await ingestFile(t.store, { source: 'dealer-crm', file: csv });
      assert.equal(r.format, 'csv');
      assert.equal(r.stored, 2);
      assert.equal(r.malformed, 1);
      const row = await t.store.db.selectFrom('events').selectAll().where('id', '=', 'c1').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.record_ids ?? '[]'), ['C1', 'C2']);
      assert.equal(row.actor_type, 'vendor_staff');
    });

    test('kill -9 in the middle of a file, then the same command: nothing lost, nothing doubled', async () => {
      const big = join(dir, `big-${dialect}.jsonl`);
      const n = 40_000;
      writeFileSync(big, `${Array.from({ length: n }, (_, i) => event(100_000 + i)).join('\n')}\n`);
      const { url, drop } = await freshUrl(dialect);
      try {
        const args = ['bin/warden.js', '--db', url, 'ingest', '--source', 'dealer-crm', '--input', big, '--no-detect'];
        const env = { ...process.env, WARDEN_KEY_FILE: join(dir, 'kill.key') };
        const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
        // Wait until some batches are committed, then kill without warning.
        const probe = await openStore(url);
        const deadline = Date.now() + 60_000;
        let stored = 0;
        while (Date.now() < deadline) {
          stored = (await countRows(probe)).events;
          if (stored > 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        child.kill('SIGKILL');
        await new Promise((r) => child.on('exit', r));
        const atKill = (await countRows(probe)).events;
        assert.ok(atKill > 0 && atKill < n, `killed mid-file (stored ${atKill} of ${n})`);
        const r = await ingestFile(probe, { source: 'dealer-crm', file: big });
        assert.equal(r.stored + r.duplicates, n);
        assert.equal((await countRows(probe)).events, n);
        await probe.close();
      } finally {
        await drop();
      }
    });
  });
}
