// Matches observed host names against brands: an exact hit names the fuzzer that generated the
// look-alike (also under any subdomain of it); otherwise a near miss on the confusable skeleton
// scores `similar`. The brand's own domains and their subdomains never match. Pure.
import { domainToASCII } from 'node:url';
import { getPublicSuffix } from 'tldts';
import { splitDomain } from './domain-parts.ts';
import { type FuzzerName, generateLookalikes, type LookalikeOptions } from './generate-lookalikes.ts';
import {
  allowedEdits,
  anchoredDistance,
  pigeonholePieces,
  similarityScore,
  substringDistanceMatcher,
} from './similarity.ts';
import { skeleton } from './skeleton.ts';

export interface BrandHit {
  domain: string;
  brand: string;
  match: FuzzerName | 'similar';
  score?: number;
}

interface BrandProbe {
  brand: string;
  skeleton: string;
  limit: number;
  pieces: string[];
  distance: (text: string, limit: number) => number;
}

interface ExactEntry {
  brand: string;
  fuzzer: FuzzerName;
}

/** Marks an official name in the exact map, so one lookup per tail answers both questions. */
const OFFICIAL: ExactEntry = Object.freeze({ brand: '', fuzzer: 'addition' });

export interface BrandIndex {
  readonly exact: ReadonlyMap<string, ExactEntry>;
  /** Look-alike registrable labels (`nissan-support`), matched under any public suffix. */
  readonly labels: ReadonlyMap<string, ExactEntry>;
  readonly official: ReadonlySet<string>;
  readonly probes: readonly BrandProbe[];
  /** Any pigeonhole piece of any brand: most names fail this one test. */
  readonly anyPiece: RegExp;
}

export interface MatcherOptions extends LookalikeOptions {
  /** Minimum similarity (0–1) for a `similar` hit; default 0.8. */
  threshold?: number;
}

export function buildBrandIndex(brands: readonly string[], options: MatcherOptions = {}): BrandIndex {
  const exact = new Map<string, ExactEntry>();
  const labels = new Map<string, ExactEntry>();
  const official = new Set<string>();
  const probes: BrandProbe[] = [];
  const threshold = options.threshold ?? 0.8;
  for (const input of brands) {
    const parts = splitDomain(input, '--brand');
    const brand = parts.ascii;
    official.add(brand);
    const head = parts.subdomain ? `${parts.subdomain}.` : '';
    const tail = `.${parts.suffix}`;
    for (const l of generateLookalikes(input, options)) {
      if (l.fuzzer === '*original' || exact.has(l.domain)) continue;
      const entry = { brand, fuzzer: l.fuzzer };
      exact.set(l.domain, entry);
      if (l.domain.startsWith(head) && l.domain.endsWith(tail)) {
        const label = l.domain.slice(head.length, l.domain.length - tail.length);
        if (!label.includes('.') && !labels.has(label)) labels.set(label, entry);
      }
    }
    const skel = skeleton(parts.name);
    const limit = allowedEdits(skel.length, threshold);
    const pieces = pigeonholePieces(skel, limit);
    probes.push({ brand, skeleton: skel, limit, pieces, distance: substringDistanceMatcher(skel) });
  }
  for (const o of official) exact.set(o, OFFICIAL);
  const pieces = [...new Set(probes.flatMap((p) => p.pieces))].map((x) => x.replace(/[^\p{L}\p{N}]/gu, '\\$&'));
  const anyPiece = pieces.length ? new RegExp(pieces.join('|')) : /(?!)/;
  return { exact, labels, official, probes, anyPiece };
}

const PLAIN_HOST = /^[a-z0-9.-]+$/;

/** Lower case, no trailing dot, no wildcard, ASCII (punycode); '' when it is no host name. */
export function normalizeHost(raw: string): string {
  let h = raw.trim().toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  if (h.startsWith('*.')) h = h.slice(2);
  if (PLAIN_HOST.test(h)) return h.includes('.') && !h.includes('..') ? h : '';
  const ascii = domainToASCII(h);
  return ascii.includes('.') ? ascii : '';
}

/** The hit for one normalized host, or null. */
export function matchHost(index: BrandIndex, host: string): BrandHit | null {
  // One walk over the name's tails (a.b.c, b.c, c): an official tail ends it, the first
  // look-alike tail is the hit, and any label that is a look-alike label is noted.
  let exact: ExactEntry | undefined;
  let labelSeen = false;
  let start = 0;
  // The last label alone (a TLD) is never a look-alike nor official: stop before it.
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', start)) {
    const e = index.exact.get(start === 0 ? host : host.slice(start));
    if (e === OFFICIAL) return null;
    exact ??= e;
    if (!exact && !labelSeen && index.labels.has(host.slice(start, dot))) labelSeen = true;
    start = dot + 1;
  }
  if (exact && exact !== OFFICIAL) return { domain: host, brand: exact.brand, match: exact.fuzzer };
  return (labelSeen ? underOtherSuffix(index, host) : null) ?? similar(index, host);
}

function publicSuffixOf(host: string): string {
  return getPublicSuffix(host, { allowPrivateDomains: false, validateHostname: false }) ?? '';
}

/** A look-alike label registered under another suffix (`nissan-support.jp` for `.co.jp`). */
function underOtherSuffix(index: BrandIndex, host: string): BrandHit | null {
  const suffix = publicSuffixOf(host);
  const rest = host.slice(0, Math.max(0, host.length - suffix.length - 1));
  const registrable = rest.slice(rest.lastIndexOf('.') + 1);
  const e = index.labels.get(registrable);
  return e ? { domain: host, brand: e.brand, match: e.fuzzer } : null;
}

function hasPiece(p: BrandProbe, skel: string): boolean {
  for (const piece of p.pieces) if (skel.includes(piece)) return true;
  return false;
}

function similar(index: BrandIndex, host: string): BrandHit | null {
  const skel = skeleton(host);
  if (!index.anyPiece.test(skel)) return null;
  let rest: string | undefined;
  let body = '';
  let tokens: string[] | undefined;
  let best: BrandHit | null = null;
  for (const p of index.probes) {
    // Cheap to expensive: a piece, then the distance over the whole name (suffix included, so
    // never more than over the name alone), and only then the public suffix is looked up.
    if (!hasPiece(p, skel) || p.distance(skel, p.limit) > p.limit) continue;
    if (rest === undefined) {
      // Compare the name without its public suffix (`nissan.co.jp.evil.com` → `nissancojpevil`).
      rest = host.slice(0, Math.max(0, host.length - publicSuffixOf(host).length - 1));
      body = skeleton(rest);
    }
    let d = body.includes(p.skeleton) ? 0 : p.limit + 1;
    // A near miss (not verbatim) must start or end a token, so `shopdata` is not `honda`.
    if (d > 0 && p.distance(body, p.limit) <= p.limit) {
      tokens ??= [body, ...rest.split(/[-.]/).map(skeleton)];
      for (const t of tokens) d = Math.min(d, anchoredDistance(p.skeleton, t));
    }
    if (d > p.limit) continue;
    const score = similarityScore(d, p.skeleton.length);
    if (!best || (best.score ?? 0) < score) best = { domain: host, brand: p.brand, match: 'similar', score };
  }
  return best;
}
