// The rule index must never hide a match (every rule that matches an event is tried on it) and
// must actually prune: rules whose only literals are short (`/ls`), rules that only need a field
// to be present, and rules whose later requirements fail are not tried.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEngine } from '../../src/sigma/index.ts';
import { beginEvent } from '../../src/sigma/event-scratch.ts';
import { RuleIndex } from '../../src/sigma/rule-index.ts';
import { compileYaml, engineAndNaive } from './support/harness.ts';

const RULES = [
  ['short-suffix', 'sel: {Image|endswith: [/ls, /id]}\ncondition: sel'],
  ['regex-only', "sel: {CommandLine|re: '(.){40,}'}\ncondition: sel"],
  ['numeric-only', 'sel: {Port|gte: 1024}\ncondition: sel'],
  [
    'cold-second',
    "sel:\n  Image|endswith: '\\\\notepad.exe'\n  Cold|contains: secret\ncondition: sel",
  ],
  ['numeric-bounds', 'sel:\n  Count|lte: 5\n  Size|gt: 1.5\n  Port|lt: 100\ncondition: sel'],
  [
    'two-needs',
    "sel:\n  Image|endswith: '\\cmd.exe'\n  CommandLine|contains: 'whoami'\ncondition: sel",
  ],
  ['emoji', "sel: {CommandLine|contains: ['😀', '🦆']}\ncondition: sel"],
  ['null-allowed', 'sel: {User: null}\ncondition: sel'],
  ['negated', 'sel: {Image|endswith: .exe}\ncondition: not sel'],
  ['keyword-short', 'kw: [ab]\ncondition: kw'],
  ['dotted', 'sel: {actor.user|startswith: ab}\ncondition: sel'],
  ['exact-contains', "sel: {CommandLine|contains: [whoami, '😀', 'İ']}\ncondition: sel"],
  ['exact-eq', "sel: {Image: [notepad, 'C:\\x.exe', 8080]}\ncondition: 1 of sel*"],
  ['suffix-exact', 'sel: {Image|endswith: ls}\ncondition: sel'],
  ['prefix-exact', "sel: {CommandLine|startswith: 'cmd /c'}\ncondition: sel"],
  [
    'two-branches',
    "s1:\n  Image|contains: '\\windows\\system32\\'\n  CommandLine|contains: traversal\ns2:\n  CommandLine|contains: '.exe\\..'\ncondition: 1 of s*",
  ],
  [
    'mixed-checks',
    "s1:\n  Image|endswith: '\\cmd.exe'\n  CommandLine|contains: whoami\ns2:\n  Port|gte: 1\n  Image|endswith: '\\ps.exe'\ncondition: 1 of s*",
  ],
  ['infix-glob-not-exact', "sel: {CommandLine|startswith: 'cmd*dir'}\ncondition: sel"],
  ['glob-not-exact', "sel: {Image: '*cmd?exe'}\ncondition: sel"],
  ['cased-not-exact', 'sel: {CommandLine|contains|cased: whoami}\ncondition: sel'],
  // always tried, but proven on events where what they negate cannot hold (a veto)
  ['not-two', 'a: {Image|contains: cmd}\nb: {User|startswith: admin}\ncondition: not a and not b'],
  ['not-presence', 'sel: {Port|gte: 1024}\ncondition: not sel'],
  ['not-with-null', 'f1: {Image|contains: cmd}\nf2: {User: null}\ncondition: not 1 of f*'],
  [
    'not-or-not',
    'a: {Image|endswith: .exe}\nb: {CommandLine|contains: whoami}\ncondition: not a or not b',
  ],
  // always tried or filed under a presence, but skipped where a literal proves a filter holds
  [
    'kill-always',
    'f1: {Image|endswith: .exe}\nf2:\n  - User: admin\n  - Other|contains: safe\n    Port: 1\nf3: {CommandLine|contains|all: [ab, cd]}\ncondition: not 1 of f*',
  ],
  [
    'kill-presence',
    "sel: {Image|fieldref: Other}\nfilter_a: {Image|startswith: 'C:\\Windows\\'}\nfilter_b: {CommandLine|contains: [safe, dir]}\ncondition: sel and not 1 of filter_*",
  ],
  ['no-kill-or', 'a: {Image|endswith: .exe}\nb: {User: admin}\ncondition: not a or not b'],
  // further disjunctions with one- or two-character literals are checked directly, not filed
  [
    'short-check',
    "sel:\n  Image|endswith: 'notepad'\n  CommandLine|contains: [x, ' ']\ncondition: sel",
  ],
  [
    'short-keyword-check',
    "sel:\n  Image|startswith: 'c:\\x'\nkw: ['0', '6']\ncondition: sel and kw",
  ],
  [
    'short-suffix-check',
    "sel:\n  Image|contains: whoami\n  User|endswith: b\n  Other|startswith: 'a'\ncondition: sel",
  ],
  [
    'two-items-not-exact',
    'sel:\n  Image|contains: cmd\n  CommandLine|contains: dir\ncondition: sel',
  ],
];

function ruleSetYaml(): string {
  return RULES.map(
    ([id, det]) =>
      `title: ${id}\nid: ${id}\nlevel: high\nlogsource: {product: test}\ndetection:\n${(
        det as string
      )
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}\n`,
  ).join('---\n');
}

const EVENTS: Record<string, unknown>[] = [
  { Image: '/usr/bin/ls', CommandLine: 'ls -la' },
  { Image: '/usr/bin/lsof' },
  { Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd /c whoami /all' },
  { Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd /c dir' },
  { CommandLine: 'x'.repeat(45) },
  { CommandLine: 'echo 😀 done' },
  { Port: 8080 },
  { Port: '22' },
  { Port: [80, 4444] },
  { User: null, Image: 'a.exe' },
  { Image: 'notepad' },
  { Other: 'ABC' },
  { actor: { user: 'abc@example.com' } },
  { 'actor.user': 'ABX' },
  { Image: ['/bin/id', 'C:\\x.exe'] },
  {},
];

describe('rule index', () => {
  const set = compileYaml(ruleSetYaml());

  it('tries every rule that matches (compared with evaluating every rule)', () => {
    for (const ev of EVENTS) {
      const naive = set.rules.filter((r) => r.test(ev)).map((r) => r.key);
      const tried: string[] = [];
      beginEvent();
      set.index.candidates(ev, (i) => tried.push((set.rules[i] as { key: string }).key));
      for (const key of naive)
        assert.ok(tried.includes(key), `${key} matches ${JSON.stringify(ev)} but was not tried`);
    }
  });

  it('the engine reports the same matches as the naive evaluation', () => {
    const engine = createEngine(set);
    for (const [n, ev] of EVENTS.entries()) {
      const { got, want } = engineAndNaive(engine, set.rules, ev, n + 1);
      assert.deepEqual(got, want, JSON.stringify(ev));
    }
  });

  /** The keys of the rules the index tries on `ev`. */
  const triedOn = (ev: Record<string, unknown>) => {
    const tried: string[] = [];
    beginEvent();
    set.index.candidates(ev, (i) => tried.push((set.rules[i] as { key: string }).key));
    return tried;
  };

  it('prunes: short literals, field presence and second requirements keep rules untried', () => {
    // '/ls' and '/id' are absent, so short-suffix is skipped although Image is present
    assert.ok(!triedOn({ Image: 'C:\\Windows\\notepad.exe' }).includes('short-suffix'));
    // no CommandLine, no Port: the regex-only and numeric-only rules need those fields
    const bare = triedOn({ Image: 'x' });
    assert.ok(!bare.includes('regex-only'));
    assert.ok(!bare.includes('numeric-only'));
    // filed under one need and checked against the other: cmd.exe without whoami is skipped
    assert.ok(!triedOn({ Image: 'C:\\cmd.exe', CommandLine: 'dir' }).includes('two-needs'));
    assert.ok(triedOn({ Image: 'C:\\cmd.exe', CommandLine: 'whoami' }).includes('two-needs'));
    // 1 of two branches: filed under the best literal of each, then checked against the
    // runner-up of the first (CommandLine must hold 'traversal' or '.exe\..')
    const system32 = 'C:\\Windows\\System32\\x.exe';
    assert.ok(!triedOn({ Image: system32, CommandLine: 'dir' }).includes('two-branches'));
    assert.ok(triedOn({ Image: system32, CommandLine: 'a traversal' }).includes('two-branches'));
    assert.ok(triedOn({ CommandLine: 'a.exe\\..\\b' }).includes('two-branches'));
    // a further disjunction of a literal or a field's presence (Image ends with \cmd.exe, or
    // Port is present): checked on the rules that get that far, not filed
    assert.ok(!triedOn({ Image: 'a\\ps.exe' }).includes('mixed-checks'));
    assert.ok(triedOn({ Image: 'a\\ps.exe', Port: 3 }).includes('mixed-checks'));
    assert.ok(triedOn({ Image: 'a\\cmd.exe', CommandLine: 'whoami' }).includes('mixed-checks'));
    // rules that can match without the field (null, not) are still tried
    assert.ok(bare.includes('negated'));
  });

  it('proves rules that negate what an event lacks, and runs them when it has it', () => {
    const visits = (ev: Record<string, unknown>) => {
      const out = new Map<string, boolean>();
      beginEvent();
      set.index.candidates(ev, (i, proven) =>
        out.set((set.rules[i] as { key: string }).key, proven),
      );
      return out;
    };
    const ruleOf = (key: string) =>
      set.rules.find((r) => r.key === key) as {
        veto?: unknown;
        test(e: Record<string, unknown>): boolean;
      };
    assert.ok(ruleOf('negated').veto && ruleOf('not-two').veto && ruleOf('not-presence').veto);
    assert.ok(ruleOf('not-or-not').veto);
    // `User: null` holds when User is absent: nothing absent makes `not 1 of f*` surely hold
    assert.equal(ruleOf('not-with-null').veto, undefined);
    const bare = visits({ Other: 'x' });
    for (const key of ['negated', 'not-two', 'not-presence', 'not-or-not']) {
      assert.equal(bare.get(key), true, `${key} proven on an event without its literals`);
      assert.ok(ruleOf(key).test({ Other: 'x' }), `${key} does match it`);
    }
    assert.equal(bare.get('not-with-null'), false);
    // one vetoing literal present: the rule is run (and may fail)...
    assert.equal(visits({ Image: 'C:\\cmd.exe', Port: 8080 }).get('not-presence'), false);
    // its veto is the numeric bound itself: a port below it proves the rule
    assert.equal(visits({ Port: 80 }).get('not-presence'), true);
    assert.ok(ruleOf('not-presence').test({ Port: 80 }));
    // ...unless that literal alone makes what it negates hold: then it is not tried at all
    const cmd = visits({ Image: 'C:\\cmd.exe', Port: 80 });
    for (const key of ['negated', 'not-two']) assert.equal(cmd.has(key), false, key);
    assert.equal(visits({ User: 'Administrator' }).has('not-two'), false);
    // an `or` keeps one side's veto (the one with fewer literals; here the first, Image's)
    assert.equal(visits({ CommandLine: 'whoami' }).get('not-or-not'), true);
    assert.equal(visits({ Image: 'a.exe' }).get('not-or-not'), false);
  });

  it('skips rules where one literal proves what they negate (a kill), and only there', () => {
    const ruleOf = (key: string) =>
      set.rules.find((r) => r.key === key) as { kill?: { kind: string; text: string }[] };
    const kills = (key: string) =>
      (ruleOf(key).kill ?? []).map((l) => `${l.kind}:${l.text}`).sort();
    // each alternative of one exact item proves its filter; two items, `all` and `or` do not
    assert.deepEqual(kills('kill-always'), ['end:.exe', 'eq:admin']);
    assert.deepEqual(kills('kill-presence'), ['start:c:\\windows\\', 'sub:dir', 'sub:safe']);
    assert.deepEqual(kills('no-kill-or'), []);
    // a rule filed under a selective literal keeps no kill: filters would cost hits elsewhere
    assert.deepEqual(kills('two-needs'), []);
    const tried = (ev: Record<string, unknown>) => triedOn(ev);
    for (const ev of [{ Image: 'A.EXE' }, { User: 'ADMIN' }, { Image: 'x', User: 'admin' }])
      assert.ok(!tried(ev).includes('kill-always'), JSON.stringify(ev));
    for (const ev of [{ Other: 'safe', Port: 1 }, { CommandLine: 'ab cd' }, { Image: 'a.dll' }, {}])
      assert.ok(tried(ev).includes('kill-always'), JSON.stringify(ev));
    assert.ok(tried({ Image: 'x', Other: 'X' }).includes('kill-presence'));
    assert.ok(
      !tried({ Image: 'C:\\Windows\\x', Other: 'c:\\windows\\X' }).includes('kill-presence'),
    );
    assert.ok(!tried({ Image: 'x', Other: 'x', CommandLine: 'a DIR b' }).includes('kill-presence'));
    assert.ok(tried({ Image: 'x', Other: 'x', CommandLine: 'a di b' }).includes('kill-presence'));
    assert.ok(tried({ Image: 'a.exe', User: 'admin' }).includes('no-kill-or'));
  });

  it('reads a dotted field as its reader does: the dotted key first, else the path', () => {
    const dotted = (ev: Record<string, unknown>) => triedOn(ev).includes('dotted');
    assert.ok(dotted({ actor: { user: 'ABC' } }));
    assert.ok(dotted({ actor: { user: ['x', 'abc'] } }));
    assert.ok(dotted({ actor: { user: 'zz' }, 'actor.user': 'abc' }));
    assert.ok(dotted({ 'actor.user': 'abc', actor: { user: 'zz' } }));
    assert.ok(!dotted({ actor: { user: 'abc' }, 'actor.user': 'zz' }));
    for (const actor of ['abc', ['abc'], null, { name: 'abc' }])
      assert.ok(!dotted({ actor }), JSON.stringify(actor));
  });

  it('checks a further literal directly when no first disjunction names its field', () => {
    // Cold is named by no rule's first disjunction: not scanned on every event, yet checked
    const filed = (set.index as unknown as { byKey: Map<string, unknown> }).byKey;
    assert.ok(!filed.has('Cold') && filed.has('Image'));
    const cold = (ev: Record<string, unknown>) => triedOn(ev).includes('cold-second');
    assert.ok(cold({ Image: 'C:\\NOTEPAD.EXE', Cold: 'a SECRET b' }));
    assert.ok(cold({ Image: 'C:\\notepad.exe', Cold: ['x', 'secrets'] }));
    assert.ok(!cold({ Image: 'C:\\notepad.exe', Cold: 'x' }));
    assert.ok(!cold({ Image: 'C:\\notepad.exe' }));
    assert.ok(!cold({ Image: 'x', Cold: 'secret' }));
  });

  it('files numeric bounds: a rule reading a number is tried only where the bound holds', () => {
    for (const Port of [1024, '1024', 8080, ' 2048 ', '0x400', '1e4', [80, 4444]])
      assert.ok(triedOn({ Port }).includes('numeric-only'), JSON.stringify(Port));
    for (const Port of [80, '1023', 'abc', '', true, [80, '81']])
      assert.ok(!triedOn({ Port }).includes('numeric-only'), JSON.stringify(Port));
    const bounds = (ev: Record<string, unknown>) => triedOn(ev).includes('numeric-bounds');
    assert.ok(bounds({ Count: 5, Size: '1.6', Port: 99 }));
    assert.ok(!bounds({ Count: 6, Size: '1.6', Port: 99 }));
    assert.ok(!bounds({ Count: 5, Size: 1.5, Port: 99 }));
    assert.ok(!bounds({ Count: 5, Size: 2, Port: 100 }));
    assert.ok(!bounds({ Count: 5, Size: 2 }));
  });

  it('checks further disjunctions of one- or two-character literals directly on the event', () => {
    // 'x' or ' ' in CommandLine: not filed (nearly every text holds one), yet still checked
    assert.ok(triedOn({ Image: 'NOTEPAD', CommandLine: 'a b' }).includes('short-check'));
    assert.ok(triedOn({ Image: 'notepad', CommandLine: 'X' }).includes('short-check'));
    assert.ok(!triedOn({ Image: 'notepad', CommandLine: 'ab' }).includes('short-check'));
    assert.ok(!triedOn({ Image: 'notepad' }).includes('short-check'));
    // keywords '0' / '6' anywhere in the event, nested values included
    assert.ok(triedOn({ Image: 'C:\\x.exe', Port: 60 }).includes('short-keyword-check'));
    assert.ok(
      triedOn({ Image: 'C:\\x.exe', actor: { user: 'u6' } }).includes('short-keyword-check'),
    );
    assert.ok(!triedOn({ Image: 'C:\\x.exe', User: 'abc' }).includes('short-keyword-check'));
    // anchored: a suffix only at the end, a prefix only at the start
    assert.ok(triedOn({ Image: 'whoami', User: 'AB', Other: 'Ax' }).includes('short-suffix-check'));
    assert.ok(
      !triedOn({ Image: 'whoami', User: 'ba', Other: 'ax' }).includes('short-suffix-check'),
    );
    assert.ok(
      !triedOn({ Image: 'whoami', User: 'ab', Other: 'xa' }).includes('short-suffix-check'),
    );
  });

  it('checks where anchored literals occur: a suffix only at the end, a prefix at the start', () => {
    const tried = triedOn;
    // 'ls' (1–3 characters) and 'cmd /c' (a 4-gram) inside the text, not at their end
    assert.ok(!tried({ Image: '/usr/bin/lsof' }).includes('suffix-exact'));
    assert.ok(tried({ Image: '/usr/bin/LS' }).includes('suffix-exact'));
    assert.ok(tried({ Image: 'ls' }).includes('suffix-exact'));
    assert.ok(!tried({ CommandLine: 'x cmd /c dir' }).includes('prefix-exact'));
    assert.ok(tried({ CommandLine: 'CMD /C dir' }).includes('prefix-exact'));
    // found twice: once in the middle, once at the end
    assert.ok(tried({ Image: 'ls/als' }).includes('suffix-exact'));
    assert.ok(tried({ CommandLine: 'cmd /c cmd /c' }).includes('prefix-exact'));
    // the same text filed anchored by one rule and anywhere by another keeps both apart
    assert.ok(tried({ Other: 'xab' }).includes('keyword-short'));
    assert.ok(!tried({ 'actor.user': 'xab' }).includes('dotted'));
  });

  it('answers from its memo exactly as from a scan, also after the memo is cleared', () => {
    const triedOn = (ev: Record<string, unknown>) => {
      const tried: number[] = [];
      beginEvent();
      set.index.candidates(ev, (i) => tried.push(i));
      return tried.sort((a, b) => a - b);
    };
    set.index.memo.clear();
    const first = EVENTS.map(triedOn); // scans (memo empty)
    const again = EVENTS.map(triedOn); // memo hits
    assert.deepEqual(again, first);
    // each event twice in a row: the second answered from the field's last text
    assert.deepEqual(
      EVENTS.map((e) => {
        triedOn(e);
        return triedOn(e);
      }),
      first,
    );
    set.index.memo.clear();
    // the same texts in fresh objects, differently cased keys of the memo: same candidates
    const copies = EVENTS.map((e) => structuredClone(e));
    assert.deepEqual(copies.map(triedOn), first);
    const upper = triedOn({
      Image: 'C:\\WINDOWS\\SYSTEM32\\CMD.EXE',
      CommandLine: 'CMD /C WHOAMI',
    });
    assert.ok(upper.includes(set.rules.findIndex((r) => r.key === 'two-needs')));
  });

  it('never hides a match on random events (memo warm and cold)', () => {
    const parts = [
      '/ls',
      '/id',
      'cmd.exe',
      '\\',
      'whoami',
      'WHOAMI',
      '😀',
      'ab',
      'AB',
      'x',
      ' ',
      '.exe',
      'notepad',
      'İ',
      'dir',
      'C:\\X.EXE',
      'traversal',
      '\\Windows\\System32\\',
      '.exe\\..',
      '\\ps.exe',
      'C:\\Windows\\',
      'safe',
      'admin',
      'cd',
    ];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = () => Array.from({ length: rnd(5) }, () => parts[rnd(parts.length)]).join('');
    const engine = createEngine(set);
    for (let n = 0; n < 2000; n++) {
      if (n === 1000) set.index.memo.clear();
      const ev: Record<string, unknown> = {};
      for (const f of ['Image', 'CommandLine', 'Other', 'User']) if (rnd(3)) ev[f] = text();
      if (rnd(4) === 0) ev['actor'] = { user: text() };
      if (rnd(4) === 0) ev['Port'] = rnd(2) ? rnd(3000) : [rnd(3000), String(rnd(3000))];
      for (const f of ['Count', 'Size'])
        if (rnd(2)) ev[f] = rnd(2) ? rnd(10) / 2 : ` ${rnd(10) / 2}`;
      const { got, want } = engineAndNaive(engine, set.rules, ev, n);
      assert.deepEqual(got, want, JSON.stringify(ev));
    }
  });

  it('marks as exact only rules that are one item of equalities, contains, starts or ends', () => {
    const exact = set.rules
      .filter((r) => r.exact)
      .map((r) => r.key)
      .sort();
    assert.deepEqual(exact, [
      'dotted',
      'emoji',
      'exact-contains',
      'exact-eq',
      'keyword-short',
      'prefix-exact',
      'short-suffix',
      'suffix-exact',
    ]);
  });

  it('a proven candidate matches, and the engine does not run it', () => {
    const events = [
      ...EVENTS,
      { CommandLine: 'CMD /C WHOAMI' },
      { CommandLine: 'x İ y' },
      { CommandLine: 'x i̇ y' }, // 'İ'.toLowerCase(): the same lower-cased text
      { CommandLine: 'x I y' },
      { Image: 'NOTEPAD' },
      { Image: 'notepad ' },
      { Image: 8080 },
      { Image: ['x', 'c:\\X.EXE'] },
      { Other: 'xABy' },
    ];
    let proven = 0;
    for (const ev of events) {
      beginEvent();
      set.index.candidates(ev, (i, isProven) => {
        const rule = set.rules[i] as { key: string; test: (e: object) => boolean };
        if (!isProven) return;
        proven++;
        assert.ok(rule.test(ev), `${rule.key} proven on ${JSON.stringify(ev)} but does not match`);
      });
    }
    assert.ok(proven >= 8, `only ${proven} proven`);
    const engine = createEngine(set);
    engine.push({ CommandLine: 'whoami' }, { line: 1, timeMs: 0 });
    const tried = engine.stats().ruleEvaluations;
    const before = engine.stats().ruleMatches;
    engine.push({ CommandLine: 'whoami' }, { line: 2, timeMs: 1 });
    assert.equal(engine.stats().ruleEvaluations, tried * 2);
    assert.ok(engine.stats().ruleMatches > before);
  });

  it('keeps finding rules of two requirements and dotted fields when its event stamp restarts', () => {
    // An endless stream outgrows the 32-bit per-rule stamps; a wrapped stamp once made every
    // hit look like the event's first, so a rule needing two literals was never tried.
    const fresh = compileYaml(ruleSetYaml());
    const stamped = fresh.index as unknown as { stamp: number };
    const tried = (ev: Record<string, unknown>) => {
      const keys: string[] = [];
      beginEvent();
      fresh.index.candidates(ev, (i) => keys.push((fresh.rules[i] as { key: string }).key));
      return keys;
    };
    stamped.stamp = 0xffffffff - 3;
    for (let n = 0; n < 8; n++) {
      assert.ok(
        tried({ Image: 'C:\\cmd.exe', CommandLine: 'whoami' }).includes('two-needs'),
        `event ${n}`,
      );
      assert.ok(
        tried({ actor: { user: 'abc' }, 'actor.user': 'abd' }).includes('dotted'),
        `event ${n}`,
      );
    }
    assert.ok(stamped.stamp < 100, 'the stamp restarted');
  });

  it('an index with no requirements tries every rule', () => {
    const all = new RuleIndex(set.rules.map(() => []));
    const tried: number[] = [];
    beginEvent();
    all.candidates({}, (i) => tried.push(i));
    assert.equal(tried.length, set.rules.length);
  });
});
