// The three commands end to end as a user runs them: lookalikes (several domains, tsv/json),
// phishwatch (JSONL hits, malformed lines on stderr, exit 1 on hits), brands and findings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'warden-bw-cli-'));
const db = `sqlite:${join(dir, 'warden.db')}`;

function warden(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/warden.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, WARDEN_DB: db, WARDEN_KEY: Buffer.alloc(32, 7).toString('base64') },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('warden lookalikes', () => {
  test('prints fuzzer<TAB>domain for several domains, each original first', () => {
    const r = warden('lookalikes', 'nissan.co.jp', 'nissan-global.com', '--no-extras');
    assert.equal(r.code, 0, r.err);
    const rows = r.out.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(rows[0], ['*original', 'nissan.co.jp']);
    assert.deepEqual(rows[191], ['*original', 'nissan-global.com']);
    assert.equal(rows.length, 191 + 9927);
    assert.ok(rows.every((r) => r.length === 2));
  });

  test('json output, a dictionary file and a keyboard choice', () => {
    const words = join(dir, 'words.txt');
    writeFileSync(words, 'Kokyaku\nnot a word\n');
    const r = warden('lookalikes', 'example.com', '--format', 'json', '--dictionary', words, '--keyboard', 'azerty');
    assert.equal(r.code, 0, r.err);
    const list = JSON.parse(r.out) as Array<{ fuzzer: string; domain: string }>;
    assert.ok(list.some((l) => l.fuzzer === 'dictionary' && l.domain === 'example-kokyaku.com'));
  });

  test('bad flags exit 2 with the flag named', () => {
    const r = warden('lookalikes', 'example.com', '--keyboard', 'dvorak');
    assert.equal(r.code, 2);
    assert.match(r.err, /--keyboard: unknown layout 'dvorak'/);
  });
});

describe('warden phishwatch and brands', () => {
  test('JSONL hits on stdout, malformed lines counted on stderr, exit 1 on hits', () => {
    const feed = join(dir, 'nrd.txt');
    writeFileSync(feed, 'nissan-support.jp\nexample.com\n!!!\nnlssan-kokyaku.net\n');
    const r = warden('phishwatch', '--brand', 'nissan.co.jp', '--feed', feed, '--format', 'domains');
    assert.equal(r.code, 1, r.err);
    const hits = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(hits[0], { domain: 'nissan-support.jp', brand: 'nissan.co.jp', match: 'dictionary', line: 1 });
    assert.equal(hits[1].match, 'similar');
    assert.equal(hits[1].line, 4);
    assert.ok(typeof hits[1].score === 'number');
    assert.match(r.err, /nrd\.txt:3: /);
    assert.match(r.err, /4 lines, 3 names, 2 hits, 1 malformed/);
  });

  test('configured brands are used when --brand is absent, and hits become findings', () => {
    assert.equal(warden('brands', 'add', 'nissan.co.jp', 'nissan-global.com').code, 0);
    const list = warden('brands', 'list', '--json');
    assert.deepEqual(JSON.parse(list.out).map((b: { domain: string }) => b.domain), ['nissan-global.com', 'nissan.co.jp']);
    const feed = join(dir, 'ct.jsonl');
    writeFileSync(feed, `${JSON.stringify({ data: { leaf_cert: { all_domains: ['*.nisan.co.jp', 'nisan.co.jp'] } } })}\n`);
    assert.equal(warden('phishwatch', '--feed', feed).code, 1);
    const findings = JSON.parse(warden('brands', 'findings', '--json').out);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].domain, 'nisan.co.jp');
    assert.equal(findings[0].status, 'new');
    assert.equal(warden('brands', 'status', 'nisan.co.jp', 'takedown_requested', '--note', 'abuse ticket 9').code, 0);
    const after = JSON.parse(warden('brands', 'findings', '--status', 'takedown_requested', '--json').out);
    assert.equal(after[0].status_note, 'abuse ticket 9');
    assert.equal(warden('brands', 'status', 'nisan.co.jp', 'gone').code, 2);
  });
});
