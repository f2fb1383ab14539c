// The law data itself: every file in laws/ passes the schema, every rule carries a citation,
// every jurisdiction the issue names has a file, secondary sources are marked, and the
// table-generated files are in sync with their tables.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SUBDIVISIONS_WITH_OWN_LAW } from '../../src/obligations/jurisdiction-of.ts';
import { DEFAULT_LAWS_DIR, loadLaws, parseLawFile } from '../../src/obligations/load-laws.ts';
import { laws } from './decide-support.ts';

const US = 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI'
  .split(' ')
  .map((s) => `US-${s}`);
const EEA = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' ');
const OTHERS = 'US GB CH JP KR CN IN SG AU NZ CA CA-QC BR TH PH ID VN MY HK TW TR SA AE IL ZA MX CO AR CL'.split(' ');

test('every law file in laws/ passes the schema, with no problems reported', () => {
  const { files, problems } = laws();
  assert.deepEqual(problems, []);
  assert.equal(files.length, readdirSync(DEFAULT_LAWS_DIR).filter((n) => n.endsWith('.yaml')).length);
});

test('every jurisdiction named in the issue has a law file (all states, EU/EEA, the rest)', () => {
  const have = new Set(laws().files.map((f) => f.jurisdiction));
  const missing = [...US, ...EEA, ...OTHERS].filter((c) => !have.has(c));
  assert.deepEqual(missing, []);
  assert.equal(US.length, 54);
  assert.equal(EEA.length, 30);
});

test('every law and every rule carries a citation with a section, article or rule number', () => {
  for (const f of laws().files) {
    for (const law of f.laws) {
      assert.match(law.citation, /\d/, `${f.jurisdiction} ${law.law}: citation without a number`);
      for (const r of law.rules) {
        assert.ok(r.citation.trim().length > 3, `${f.jurisdiction} ${r.id}: no citation`);
        assert.match(r.citation, /\d|Guidance/, `${f.jurisdiction} ${r.id}: citation without a number`);
      }
    }
  }
});

test('every law says whether it is settled or rests on secondary sources, and secondary ones say why', () => {
  let secondary = 0;
  for (const f of laws().files) {
    for (const law of f.laws) {
      assert.ok(['settled', 'secondary'].includes(law.source));
      if (law.source === 'secondary') {
        secondary += 1;
        assert.ok(law.source_note || law.sources.length > 0, `${f.jurisdiction} ${law.law}: secondary without a note`);
      }
    }
  }
  assert.ok(secondary > 0);
});

test('EU/EEA files name their own supervisory authority for the GDPR Art. 33 report', () => {
  const authorities = new Set<string>();
  for (const code of EEA) {
    const f = laws().files.find((x) => x.jurisdiction === code);
    const rule = f?.laws[0]?.rules.find((r) => r.id === 'gdpr-regulator');
    assert.ok(rule, `${code}: no GDPR regulator rule`);
    assert.equal(rule.recipient, f?.authority);
    authorities.add(`${code}:${rule.recipient}`);
  }
  assert.equal(authorities.size, EEA.length);
});

test('rule ids are unique within a law and every chained deadline names an earlier rule', () => {
  for (const f of laws().files) {
    for (const law of f.laws) {
      const seen: string[] = [];
      for (const r of law.rules) {
        assert.ok(!seen.includes(r.id), `${f.jurisdiction}: duplicate rule id ${r.id}`);
        for (const d of r.deadline) if (d.after) assert.ok(seen.includes(d.after), `${r.id}: after ${d.after}`);
        seen.push(r.id);
      }
    }
  }
});

test('successive versions of a law do not overlap in time', () => {
  for (const f of laws().files) {
    const byName = new Map<string, Array<{ from: string; until: string }>>();
    for (const l of f.laws) {
      const list = byName.get(l.law) ?? [];
      list.push({ from: l.effective_from ?? '0000-00-00', until: l.effective_until ?? '9999-99-99' });
      byName.set(l.law, list);
    }
    for (const [name, list] of byName) {
      const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 1; i < sorted.length; i += 1) {
        assert.ok((sorted[i - 1]?.until ?? '') <= (sorted[i]?.from ?? ''), `${f.jurisdiction} ${name} overlaps`);
      }
    }
  }
});

test('subdivisions that jurisdictionOf keeps apart have law files of their own', () => {
  const have = new Set(laws().files.map((f) => f.jurisdiction));
  for (const code of SUBDIVISIONS_WITH_OWN_LAW) assert.ok(have.has(code), code);
});

test('a bad law file is reported with file:line:col and the field path', () => {
  const text = 'jurisdiction: JP\nname: Japan\nlaws:\n  - law: X\n    title: X\n    citation: X 1\n    source: maybe\n    rules: []\n';
  const { law, problems } = parseLawFile('laws/JP.yaml', text);
  assert.equal(law, undefined);
  assert.ok(problems.some((p) => p.where === 'laws/JP.yaml:7:13' && p.message.startsWith('laws.0.source')));
  assert.ok(problems.some((p) => p.message.startsWith('laws.0.rules')));
});

test('a YAML syntax error is reported with its place and the other files still load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-laws-'));
  try {
    const good = readFileSync(join(DEFAULT_LAWS_DIR, 'ZA.yaml'), 'utf8');
    spawnSync('cp', [join(DEFAULT_LAWS_DIR, 'ZA.yaml'), dir]);
    assert.ok(good.length > 0);
    const broken = join(dir, 'XX.yaml');
    spawnSync('sh', ['-c', `printf 'jurisdiction: [XX\\n' > ${broken}`]);
    const loaded = loadLaws(dir);
    assert.deepEqual(loaded.files.map((f) => f.jurisdiction), ['ZA']);
    assert.match(loaded.problems[0]?.where ?? '', /XX\.yaml:\d+:\d+$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the law-data version changes when any law file changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-laws-'));
  try {
    spawnSync('cp', [join(DEFAULT_LAWS_DIR, 'ZA.yaml'), join(DEFAULT_LAWS_DIR, 'TR.yaml'), dir]);
    const before = loadLaws(dir).version;
    spawnSync('sh', ['-c', `echo '# edited' >> ${join(dir, 'TR.yaml')}`]);
    assert.notEqual(loadLaws(dir).version, before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the generated US and EEA files match their tables (scripts/generate-laws.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-gen-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-laws.ts', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const names = readdirSync(dir);
    assert.equal(names.length, 54 + 30 + 1);
    for (const n of names) {
      assert.equal(readFileSync(join(dir, n), 'utf8'), readFileSync(join(DEFAULT_LAWS_DIR, n), 'utf8'), n);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loading only some jurisdictions parses those and the federal files, with the same version', () => {
  const some = loadLaws(DEFAULT_LAWS_DIR, ['JP', 'US-CA']);
  assert.deepEqual(some.files.map((f) => f.jurisdiction).sort(), ['JP', 'US', 'US-CA']);
  assert.equal(some.version, laws().version);
});
