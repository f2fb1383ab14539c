// Splits a domain (or URL) into subdomain, registrable name and public suffix with the Public
// Suffix List (tldts), so `co.jp` and `com.au` are one suffix. The name comes back in Unicode.
// Pure: throws WardenError('bad_input') naming the input when it is no usable domain.
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { WardenError } from '../errors.ts';

export interface DomainParts {
  subdomain: string;
  /** The registrable label in Unicode (`bäcker` for `xn--bcker-gra.de`). */
  name: string;
  /** The public suffix in ASCII (`co.jp`). */
  suffix: string;
  /** The whole name in ASCII (`www.nissan.co.jp`). */
  ascii: string;
}

function hostOf(input: string): string {
  const trimmed = input.trim().toLowerCase();
  if (trimmed.includes('://')) {
    try {
      return new URL(trimmed).hostname;
    } catch {
      return '';
    }
  }
  return trimmed.replace(/\.$/, '');
}

export function splitDomain(input: string, where = input): DomainParts {
  const ascii = domainToASCII(hostOf(input));
  if (!ascii?.includes('.')) {
    throw new WardenError('bad_input', `not a domain name: '${input}'`, where);
  }
  const p = parse(ascii, { allowPrivateDomains: false });
  if (!p.domainWithoutSuffix || !p.publicSuffix || p.isIp) {
    throw new WardenError('bad_input', `no registrable name in '${input}'`, where);
  }
  return {
    subdomain: p.subdomain ?? '',
    name: domainToUnicode(p.domainWithoutSuffix),
    suffix: p.publicSuffix,
    ascii,
  };
}
