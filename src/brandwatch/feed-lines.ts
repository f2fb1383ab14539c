// Turns one line of a feed into the host names it names: certstream JSON (every name in the
// certificate, wildcards stripped), plain domain lists (first field), URL lists (the host,
// defanged forms accepted). Pure; a line that names nothing usable is an error value.
import { normalizeHost } from './brand-matcher.ts';

export type LineFormat = 'certstream' | 'domains' | 'urls';
export type LineNames = { hosts: string[] } | { error: string } | { skip: true };

interface CertLeaf {
  all_domains?: unknown;
  subject?: { CN?: unknown };
  extensions?: { subjectAltName?: unknown };
}

function certLeaf(doc: unknown): CertLeaf | undefined {
  if (!doc || typeof doc !== 'object') return undefined;
  const d = doc as { data?: { leaf_cert?: CertLeaf }; leaf_cert?: CertLeaf } & CertLeaf;
  return d.data?.leaf_cert ?? d.leaf_cert ?? d;
}

function certNames(leaf: CertLeaf): string[] {
  const names: string[] = [];
  if (Array.isArray(leaf.all_domains)) {
    for (const n of leaf.all_domains) if (typeof n === 'string') names.push(n);
  }
  if (typeof leaf.subject?.CN === 'string') names.push(leaf.subject.CN);
  const san = leaf.extensions?.subjectAltName;
  if (typeof san === 'string') {
    for (const part of san.split(',')) {
      const m = /^\s*DNS:(.+)$/i.exec(part);
      if (m?.[1]) names.push(m[1]);
    }
  }
  return names;
}

function uniqueHosts(raw: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const r of raw) {
    const h = normalizeHost(r);
    if (h) out.add(h);
  }
  return [...out];
}

function certstreamLine(line: string): LineNames {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (err) {
    return { error: `not JSON: ${(err as Error).message}` };
  }
  const leaf = certLeaf(doc);
  const hosts = leaf ? uniqueHosts(certNames(leaf)) : [];
  return hosts.length ? { hosts } : { error: 'no certificate names (all_domains, CN, SAN)' };
}

const FIELD_SEPARATOR = /[\s,;]/;

function domainLine(line: string): LineNames {
  const first = FIELD_SEPARATOR.test(line) ? (line.split(/[\s,;]+/)[0] ?? '') : line;
  const host = normalizeHost(first);
  return host ? { hosts: [host] } : { error: `not a domain name: '${line.trim().slice(0, 80)}'` };
}

function urlLine(line: string): LineNames {
  const text = line.trim().replace(/^hxxp/i, 'http').replaceAll('[.]', '.').replaceAll('(.)', '.');
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    const host = normalizeHost(url.hostname);
    if (host) return { hosts: [host] };
  } catch {
    // reported below
  }
  return { error: `not a URL: '${text.slice(0, 80)}'` };
}

/** Host names in one feed line; blank lines and `#` comments are skipped, not errors. */
export function namesInLine(line: string, format: LineFormat): LineNames {
  const t = line.trim();
  if (t === '' || t.startsWith('#')) return { skip: true };
  if (format === 'certstream') return certstreamLine(t);
  if (format === 'urls') return urlLine(t);
  return domainLine(t);
}
