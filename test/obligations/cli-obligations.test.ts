// The `warden obligations` and `warden deadlines` commands end to end, as a user runs them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ObligationsOutputSchema } from '../../src/obligations/obligation-schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'warden-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function warden(...args: string[]) {
  return spawnSync(process.execPath, ['bin/warden.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, WARDEN_DB: `sqlite:${join(dir, 'w.db')}`, WARDEN_KEY: Buffer.alloc(32, 7).toString('base64') },
  });
}

test('warden obligations --json prints the contract shape; --explain adds the rule path on stderr', () => {
  const r = warden('obligations', '--scenario', 'test/obligations/fixtures/dealer-crm-japan.json', '--json', '--explain');
  assert.equal(r.status, 0, r.stderr);
  const out = ObligationsOutputSchema.parse(JSON.parse(r.stdout));
  assert.ok(out.obligations.some((o) => o.jurisdiction === 'JP' && o.deadline === '2027-01-19T09:00:00+09:00'));
  for (const code of ['JP', 'US-CA', 'DE', 'US']) assert.ok(out.obligations.some((o) => o.jurisdiction === code), code);
  assert.match(r.stderr, /JP › APPI › appi-final → true/);
});

test('a malformed scenario exits 2 naming the file and the field', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ aware_at: '2026-11-20T09:00:00', affected: {}, data: ['nope'] }));
  const r = warden('obligations', '--scenario', bad, '--json');
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /bad\.json: aware_at: .*; data\.0:/);
});

test('warden deadlines --json on an empty store prints an empty list', () => {
  const r = warden('deadlines', '--json');
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), []);
});
