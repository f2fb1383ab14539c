// CIDR ranges for the `cidr` modifier, IPv4 and IPv6, compiled to a predicate over a textual
// IP address. Addresses are parsed strictly; anything that is not an IP simply does not match.

export type IpTest = (value: string) => boolean;

/** Returns a predicate, or an error message for a malformed CIDR. */
export function compileCidr(cidr: string): IpTest | string {
  const [addr, bitsText, extra] = cidr.trim().split('/');
  if (addr === undefined || extra !== undefined) return `bad CIDR "${cidr}"`;
  const v4 = parseIpv4(addr);
  const v6 = v4 === null ? parseIpv6(addr) : null;
  if (v4 === null && v6 === null) return `bad CIDR "${cidr}": not an IP address`;
  const max = v4 !== null ? 32 : 128;
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > max || (bitsText ?? '0').trim() === '') {
    return `bad CIDR "${cidr}": prefix length must be 0-${max}`;
  }
  if (v4 !== null) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    const net = (v4 & mask) >>> 0;
    return (value) => {
      const ip = parseIpv4(value.trim());
      return ip !== null && (ip & mask) >>> 0 === net;
    };
  }
  const net = v6 as bigint;
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(128 - bits);
  const masked = net & mask;
  return (value) => {
    const ip = parseIpv6(value.trim());
    return ip !== null && (ip & mask) === masked;
  };
}

export function parseIpv4(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const b = Number(p);
    if (b > 255) return null;
    n = n * 256 + b;
  }
  return n;
}

export function parseIpv6(input: string): bigint | null {
  let s = input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (!s.includes(':')) return null;
  let tailV4: number | null = null;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIpv4(s.slice(lastColon + 1));
    if (tailV4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (groups < 0 || (halves.length === 1 && head.length !== 8)) return null;
  const all = [...head, ...Array<string>(groups).fill('0'), ...tail];
  if (all.length !== 8) return null;
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(Number.parseInt(g, 16));
  }
  if (tailV4 !== null) n = (n & ~0xffffffffn) | BigInt(tailV4);
  return n;
}
