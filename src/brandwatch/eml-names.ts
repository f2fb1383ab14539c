// Host names in a phishing e-mail a customer forwarded (.eml): sender domains (From, Sender,
// Reply-To, Return-Path) and link targets in the HTML and text bodies, parsed with mailparser.
// A link whose visible text names another host than its target is flagged as deceptive.
import { type AddressObject, simpleParser } from 'mailparser';
import { normalizeHost } from './brand-matcher.ts';

export interface EmlName {
  host: string;
  via: 'sender' | 'link' | 'text';
  /** For a deceptive link: the host its visible text shows instead. */
  shown?: string;
  /** 1-based line of the raw message where the name first appears (else the body's first). */
  line: number;
}

const ANCHOR = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;
const TEXT_URL = /\bhttps?:\/\/[^\s<>"')\]]+/gi;
const SHOWN_HOST = /^\s*(?:https?:\/\/)?([a-z0-9.-]+\.[a-z]{2,})(?:[/:?#]\S*)?\s*$/i;

function hostOfUrl(href: string): string {
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? normalizeHost(url.hostname) : '';
  } catch {
    return '';
  }
}

function decodeEntities(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replaceAll('&amp;', '&')
    .replaceAll('&nbsp;', ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
  return list.flatMap((o) => o.value.map((v) => v.address ?? ''));
}

function lineLocator(raw: string): (host: string) => number {
  const lines = raw.toLowerCase().split(/\r?\n/);
  const blank = lines.indexOf('');
  const bodyLine = blank < 0 ? 1 : blank + 2;
  return (host) => {
    const i = lines.findIndex((l) => l.includes(host));
    return i < 0 ? bodyLine : i + 1;
  };
}

/** Every distinct host a message names, in order of appearance (senders first). */
export async function namesInEml(raw: Buffer | string): Promise<EmlName[]> {
  const mail = await simpleParser(raw);
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const lineOf = lineLocator(text);
  const out = new Map<string, EmlName>();
  const add = (host: string, via: EmlName['via'], shown?: string) => {
    if (!host) return;
    const prev = out.get(host);
    if (prev && !(shown && !prev.shown)) return;
    out.set(host, { host, via, line: lineOf(host), ...(shown ? { shown } : {}) });
  };
  const returnPath = mail.headers.get('return-path');
  const senders = [
    ...addresses(mail.from),
    ...addresses(mail.replyTo),
    ...addresses(mail.headers.get('sender') as AddressObject | undefined),
    ...(typeof returnPath === 'string' ? [returnPath.replace(/[<>]/g, '')] : addresses(returnPath as AddressObject | undefined)),
  ];
  for (const s of senders) add(normalizeHost(s.slice(s.lastIndexOf('@') + 1)), 'sender');
  const html = typeof mail.html === 'string' ? mail.html : '';
  for (const m of html.matchAll(ANCHOR)) {
    const host = hostOfUrl(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
    const shownMatch = SHOWN_HOST.exec(decodeEntities(m[4] ?? ''));
    const shown = shownMatch?.[1] ? normalizeHost(shownMatch[1]) : '';
    add(host, 'link', shown && shown !== host ? shown : undefined);
  }
  for (const m of (mail.text ?? '').matchAll(TEXT_URL)) add(hostOfUrl(m[0]), 'text');
  return [...out.values()];
}
