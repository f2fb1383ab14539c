// `warden detect` and `warden alerts` as a user runs them: JSONL on stdout, malformed lines as
// file:line: reason on stderr, --stats, exit 2 with file:line:col for a bad rule.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { at, ev, VENDOR } from './crm-events.ts';

const dir = mkdtempSync(join(tmpdir(), 'warden-detect-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function warden(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/warden.js', ...args], { encoding: 'utf8', input, env: { ...process.env, WARDEN_DB: `sqlite:${join(dir, 'w.db')}` } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('warden detect', () => {
  const log = join(dir, 'access.jsonl');
  writeFileSync(
    log,
    [JSON.stringify(ev({ user: VENDOR, time: at(0, '02:00') })), 'garbage', JSON.stringify(ev({ user: VENDOR, time: at(0, '10:00') }))].join('\n'),
  );

  test('prints one JSON detection per line with its input line; names malformed lines on stderr', () => {
    const r = warden(['detect', '--rules', 'rules/crm', '--input', log, '--stats']);
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(out, [{ rule: out[0]?.rule, title: 'Vendor staff active outside business hours', level: 'medium', line: 1 }]);
    assert.match(r.stderr, new RegExp(`${log}:2: not JSON`));
    assert.match(r.stderr, /3 lines \(jsonl\): 2 events, 1 malformed, 1 detections/);
    assert.match(r.stderr, /stats: .* events\/s, rss \d+ MiB/);
  });

  test('reads stdin with --input -', () => {
    const r = warden(['detect', '--rules', 'rules/crm/vendor-after-hours.yml'], `${JSON.stringify(ev({ user: VENDOR, time: at(0, '23:30') }))}\n`);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).line, 1);
  });

  test('a broken rule stops the command with exit 2 and file:line:col', () => {
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'title: broken\nlogsource: {product: warden}\ndetection:\n  sel:\n    action|nosuchmodifier: x\n  condition: sel\n');
    const r = warden(['detect', '--rules', bad, '--input', log]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`${bad}:5:\\d+: .*nosuchmodifier`));
  });

  test('an unknown format is bad usage', () => {
    const r = warden(['detect', '--rules', 'rules/crm', '--input', log, '--format', 'xml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown format 'xml'/);
  });
});

describe('warden alerts', () => {
  test('--json lists the stored alerts (none in a fresh store)', () => {
    const r = warden(['alerts', '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });

  test('alerts incident with an unknown id is bad input (exit 2)', () => {
    const r = warden(['alerts', 'incident', 'no-such-alert']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no alert 'no-such-alert'/);
  });
});
