// Punycode (RFC 3492) for one label, and the rules a generated name must pass to be output:
// IDNA label rules (NFC, hyphens, no leading mark, characters a registry can hold) and the
// hostname syntax dnstwist filters by. Pure; fast enough to run ten thousand times per brand.

import { domainToASCII, domainToUnicode } from 'node:url';

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? (delta / DAMP) | 0 : delta >> 1;
  d += (d / points) | 0;
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = (d / (BASE - T_MIN)) | 0;
    k += BASE;
  }
  return k + ((((BASE - T_MIN + 1) * d) / (d + SKEW)) | 0);
}

const DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function digit(d: number): string {
  return DIGITS.charAt(d);
}

function codePointsOf(label: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < label.length; i++) {
    const cp = label.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    cps.push(cp);
  }
  return cps;
}

/** The Punycode body of a label (without `xn--`). */
export function punycodeEncode(label: string): string {
  // One pass: the basic (ASCII) characters in order, and whether any surrogate pair occurs.
  let basic = '';
  let from = 0;
  let surrogates = false;
  for (let i = 0; i < label.length; i++) {
    const code = label.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
    basic += label.slice(from, i);
    from = i + 1;
  }
  basic += label.slice(from);
  const cps = surrogates ? codePointsOf(label) : null;
  const len = cps ? cps.length : label.length;
  let out = basic.length > 0 ? `${basic}-` : '';
  let handled = basic.length;
  let n = 0x80;
  let delta = 0;
  let bias = 72;
  while (handled < len) {
    let m = 0x10ffff;
    for (let i = 0; i < len; i++) {
      const cp = cps ? (cps[i] ?? 0) : label.charCodeAt(i);
      if (cp >= n && cp < m) m = cp;
    }
    delta += (m - n) * (handled + 1);
    n = m;
    for (let i = 0; i < len; i++) {
      const cp = cps ? (cps[i] ?? 0) : label.charCodeAt(i);
      if (cp < n) delta++;
      if (cp !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        out += digit(t + ((q - t) % (BASE - t)));
        q = ((q - t) / (BASE - t)) | 0;
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled === basic.length);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

/** `[a-z0-9-]` as char codes. */
function isLdh(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45;
}

/**
 * Whether a non-ASCII character may stand in a label. Callers pre-validate their repertoire
 * once (IDNA maps it to itself, NFC-stable, not a combining mark); anything else is refused.
 */
export type ValidChar = (codePoint: number) => boolean;

/** The A-label for a U-label, or null when IDNA would refuse it. */
export function toALabel(label: string, validChar: ValidChar): string | null {
  const len = label.length;
  if (len === 0 || label.charCodeAt(0) === 45 || label.charCodeAt(len - 1) === 45) return null;
  if (label.charCodeAt(2) === 45 && label.charCodeAt(3) === 45) {
    // Only an existing A-label may carry hyphens there, and only if it decodes and re-encodes.
    const ok = label.startsWith('xn--') && domainToASCII(domainToUnicode(label)) === label;
    return ok ? label : null;
  }
  let ascii = true;
  for (let i = 0; i < len; i++) {
    const code = label.charCodeAt(i);
    if (code < 0x80) {
      if (!isLdh(code)) return null;
    } else {
      ascii = false;
      const cp = label.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      if (!validChar(cp)) return null;
    }
  }
  if (ascii) return len <= 63 ? label : null;
  const alabel = `xn--${punycodeEncode(label)}`;
  return alabel.length <= 63 ? alabel : null;
}

/** A-labels for a dotted run of U-labels (`nis.san`), or null if one is refused. */
export function toALabels(labels: string, validChar: ValidChar): string | null {
  if (!labels.includes('.')) return toALabel(labels, validChar);
  const out: string[] = [];
  for (const l of labels.split('.')) {
    const a = toALabel(l, validChar);
    if (a === null) return null;
    out.push(a);
  }
  return out.join('.');
}

/** The ASCII form of a dotted Unicode name, or null when it is not a valid hostname. */
export function toAsciiHostname(name: string, validChar: ValidChar): string | null {
  let ascii = '';
  let start = 0;
  for (;;) {
    const dot = name.indexOf('.', start);
    const label = toALabel(dot < 0 ? name.slice(start) : name.slice(start, dot), validChar);
    if (label === null) return null;
    ascii += start === 0 ? label : `.${label}`;
    if (dot < 0) {
      // The last label (the TLD) needs two characters; the whole name 4 to 253.
      if (label.length < 2 || start === 0) return null;
      break;
    }
    start = dot + 1;
  }
  return ascii.length >= 4 && ascii.length <= 253 ? ascii : null;
}
