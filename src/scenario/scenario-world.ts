// The dealer-CRM world the demo is built on: one sales company's regional units, its dealers
// and staff, the vendor's support desk, the nightly sync, and the night of the attack.
// Constants and small pure functions only.

export interface SalesUnit {
  id: string;
  prefecture: string; // Japanese name, for addresses
  region: string; // ISO 3166-2
  weight: number; // share of the customers
}

export const UNITS: SalesUnit[] = [
  { id: 'kanto-1', prefecture: '東京都', region: 'JP-13', weight: 0.2 },
  { id: 'kanto-2', prefecture: '神奈川県', region: 'JP-14', weight: 0.16 },
  { id: 'kanto-3', prefecture: '埼玉県', region: 'JP-11', weight: 0.22 },
  { id: 'kanto-4', prefecture: '千葉県', region: 'JP-12', weight: 0.14 },
  { id: 'kanto-5', prefecture: '茨城県', region: 'JP-08', weight: 0.09 },
  { id: 'kanto-6', prefecture: '栃木県', region: 'JP-09', weight: 0.07 },
  { id: 'kanto-7', prefecture: '群馬県', region: 'JP-10', weight: 0.07 },
  { id: 'kanto-8', prefecture: '山梨県', region: 'JP-19', weight: 0.05 },
];

export const ATTACKED_UNIT = 'kanto-3';
export const DEALERS_PER_UNIT = 10;
export const STAFF_PER_DEALER = 4;
export const SOURCE = 'dealer-crm';

export const ACCOUNTS = {
  attacker: 'support-07@crm-vendor.example',
  sync: 'svc-sync@example-motor.example',
  vendorStaff: Array.from({ length: 12 }, (_, i) => `support-${String(i + 1).padStart(2, '0')}@crm-vendor.example`),
};

export const IPS = {
  attacker: '198.51.100.23',
  sync: '203.0.113.10',
  vendorOffice: (n: number) => `192.0.2.${10 + n}`,
  dealer: (unit: number, dealer: number) => `10.20.${unit + 1}.${dealer + 10}`,
};

/** Days are JST calendar days; the log covers 30 of them, the attack on the last night. */
export const TIMELINE = {
  start: '2026-10-04T00:00:00+09:00',
  days: 30,
  attackStart: '2026-11-02T01:52:00+09:00',
  vendorDiscovered: '2026-11-02T09:30:00+09:00',
  vendorToldUs: '2026-11-06T09:30:00+09:00', // 96 h later; the contract says 24 h
  breachNoticeSlaHours: 24,
  attackerLastLegitimateUse: '2026-10-01',
};

export const ATTACK_FIELDS = ['name', 'postal_address', 'phone', 'email', 'vehicle_purchase', 'service_history'] as const;

export function dealerId(unit: string, n: number): string {
  return `d-${unit}-${String(n + 1).padStart(2, '0')}`;
}

export function staffAccount(unitIndex: number, dealer: number, staff: number): string {
  return `staff-${unitIndex + 1}${String(dealer + 1).padStart(2, '0')}${staff + 1}@dealers.example-motor.example`;
}

/** A small, fast, seedable PRNG (mulberry32): the generator's only source of chance. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

/** JST wall-clock ISO string (+09:00) for an epoch millisecond. */
export function jstIso(ms: number): string {
  return `${new Date(ms + 9 * 3600_000).toISOString().slice(0, 19)}+09:00`;
}
