// Benchmark (issue 7): generating every look-alike of nissan-global.com in-process. Reference:
// dnstwist's published ~210 ms for this kind of machine (not measured here). Measured baseline:
// a naive in-process port (dnstwist's homoglyph window loop as written, whole names in a Map,
// node:url domainToASCII + hostname regex per candidate). Figures: Warden's generator in
// dnstwist-equivalent mode (--no-extras, 9,926 names) and with its extras (UTS #39, lists).
// Usage: node --import tsx bench/brandwatch-generate.ts [--runs N]
import { loadavg } from 'node:os';
import { domainToASCII } from 'node:url';
import { ASCII_GLYPHS, UNICODE_GLYPHS } from '../src/brandwatch/dnstwist-glyphs.ts';
import { generateLookalikes } from '../src/brandwatch/generate-lookalikes.ts';
import * as typo from '../src/brandwatch/typo-fuzzers.ts';

const DOMAIN = 'nissan-global.com';
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at >= 0 ? Number(args[at + 1]) : 40;
const FQDN = /^(?=.{4,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z0-9-]{2,63}$/;

function naiveGenerate(domain: string): number {
  const [d = '', t = ''] = domain.split('.');
  const glyphs = new Map<string, string[]>();
  for (const table of [ASCII_GLYPHS, UNICODE_GLYPHS]) {
    for (const [k, v] of Object.entries(table)) glyphs.set(k, [...(glyphs.get(k) ?? []), ...v]);
  }
  const found = new Map<string, string>([[domain, '*original']]);
  const add = (f: string) => (l: string) => {
    const name = `${l}.${t}`;
    if (!found.has(name)) found.set(name, f);
  };
  const mix = function* (s: string): Generator<string> {
    for (let i = 0; i < s.length; i++) for (const g of glyphs.get(s[i] ?? '') ?? []) yield s.slice(0, i) + g + s.slice(i + 1);
    for (let i = 0; i < s.length - 1; i++) {
      const win = s.slice(i, i + 2);
      for (const c of new Set([win[0] ?? '', win[1] ?? '', win])) {
        for (const g of glyphs.get(c) ?? []) yield s.slice(0, i) + win.replaceAll(c, g) + s.slice(i + 2);
      }
    }
  };
  typo.addition(d, add('addition'));
  typo.bitsquatting(d, add('bitsquatting'));
  const r1 = new Set(mix(d));
  const r2 = new Set<string>();
  for (const r of r1) for (const x of mix(r)) r2.add(x);
  for (const r of [...r1, ...r2]) add('homoglyph')(r);
  typo.hyphenation(d, add('hyphenation'));
  typo.insertion(d, add('insertion'), ['qwerty', 'qwertz', 'azerty']);
  typo.omission(d, add('omission'));
  typo.plural(d, add('plural'));
  typo.repetition(d, add('repetition'));
  typo.replacement(d, add('replacement'), ['qwerty', 'qwertz', 'azerty']);
  typo.subdomain(d, add('subdomain'));
  typo.transposition(d, add('transposition'));
  typo.vowelSwap(d, add('vowel-swap'));
  let valid = 0;
  for (const name of found.keys()) if (FQDN.test(domainToASCII(name))) valid++;
  return valid;
}

/** Wall time and CPU time (user + system: on a shared machine, the time this process ran). */
function time(fn: () => number): { median: number; best: number; cpu: number; count: number } {
  for (let i = 0; i < 5; i++) fn();
  const ms: number[] = [];
  const cpu: number[] = [];
  let count = 0;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    count = fn();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? 0;
  return { median: mid(ms), best: ms[0] ?? 0, cpu: mid(cpu), count };
}

const load = loadavg()[0]?.toFixed(1);
const naive = time(() => naiveGenerate(DOMAIN));
const exact = time(() => generateLookalikes(DOMAIN, { extras: false }).length - 1);
const full = time(() => generateLookalikes(DOMAIN).length - 1);
const f = (x: number) => x.toFixed(1);
console.log(`${DOMAIN}, ${RUNS} runs after 5 warm-ups, load average ${load} (2 cores)`);
console.log('reference: dnstwist (published)        ~210 ms');
const row = (name: string, r: ReturnType<typeof time>) =>
  console.log(`${name} median ${f(r.median)} ms wall, ${f(r.cpu)} ms CPU, best ${f(r.best)} ms (${r.count} names)`);
row('baseline: naive in-process port        ', naive);
row('warden, dnstwist-equivalent (no extras)', exact);
row('warden, with extras (UTS #39, lists)   ', full);
console.log(
  `ratio (CPU time): ${f(210 / exact.cpu)}x dnstwist's 210 ms, ${f(naive.cpu / exact.cpu)}x the naive port; ` +
    `target < 20 ms: ${exact.cpu < 20 ? 'met' : 'NOT met'} on CPU time, ${exact.median < 20 ? 'met' : 'NOT met'} on wall time`,
);
