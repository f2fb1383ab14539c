// Inherent risk and tier of a vendor from what the inventory knows: the sensitivity and breadth of
// the data its systems hold, how many customers that data covers, how many accounts reach it,
// internet exposure and sub-processors. Pure; the formula is documented in docs/OVERSIGHT.md.
import type { DataCategory } from '../inventory/data-categories.ts';

export const TIERS = ['critical', 'high', 'medium', 'low'] as const;
export type Tier = (typeof TIERS)[number];

/** Sensitivity bands: special or directly exploitable data is high; identity/contact detail moderate. */
const HIGH: ReadonlySet<DataCategory> = new Set([
  'national_id', 'passport', 'drivers_license', 'financial_account', 'payment_card',
  'account_credentials', 'health', 'biometric', 'precise_geolocation',
]);
const MODERATE: ReadonlySet<DataCategory> = new Set([
  'postal_address', 'phone', 'date_of_birth', 'gender', 'vehicle_id', 'vehicle_purchase',
  'service_history', 'employment',
]);

export function sensitivityOf(c: DataCategory): 'high' | 'moderate' | 'basic' {
  return HIGH.has(c) ? 'high' : MODERATE.has(c) ? 'moderate' : 'basic';
}

export interface TierInput {
  vendor_id: string;
  data: DataCategory[]; // union over the vendor's systems
  customers: number; // customers of the entities its systems serve
  grants: Array<{ type: string }>;
  internet_exposed: boolean;
  sub_processors: number;
  dpa_signed: boolean | undefined;
}

export interface RiskLine {
  factor: string;
  points: number;
  max: number;
  reason: string;
}

export interface InherentRisk {
  vendor_id: string;
  score: number; // 0-100
  tier: Tier;
  lines: RiskLine[];
}

export const TIER_THRESHOLDS: Record<Tier, number> = { critical: 65, high: 45, medium: 25, low: 0 };

export function tierOf(score: number): Tier {
  return TIERS.find((t) => score >= TIER_THRESHOLDS[t]) ?? 'low';
}

export function computeInherentRisk(input: TierInput): InherentRisk {
  const cats = [...new Set(input.data)];
  const bands = cats.map(sensitivityOf);
  const top = bands.includes('high') ? 'high' : bands.includes('moderate') ? 'moderate' : cats.length ? 'basic' : 'none';
  const bandPoints = { high: 25, moderate: 15, basic: 8, none: 0 }[top];
  const dataPoints = bandPoints + Math.min(10, cats.length);
  const volume = Math.min(25, Math.round(5 * Math.log10(Math.max(0, input.customers) + 1) * 10) / 10);
  const staff = input.grants.filter((g) => g.type === 'vendor_staff').length;
  const others = input.grants.length - staff;
  const access = Math.min(15, 2 * staff + others);
  const exposure = input.internet_exposed ? 10 : 0;
  const subs = Math.min(10, 4 * input.sub_processors) + (input.dpa_signed === true ? 0 : 5);
  const lines: RiskLine[] = [
    { factor: 'data', points: dataPoints, max: 35, reason: `${cats.length} data categories, most sensitive band ${top} (${bandPoints} + ${Math.min(10, cats.length)} for breadth)` },
    { factor: 'volume', points: volume, max: 25, reason: `${input.customers} customers of the entities its systems serve: 5 × log10(n+1), capped at 25` },
    { factor: 'access', points: access, max: 15, reason: `${staff} vendor-staff grants × 2 + ${others} other grants` },
    { factor: 'exposure', points: exposure, max: 10, reason: input.internet_exposed ? 'a system is reachable from the internet' : 'no internet-exposed system' },
    { factor: 'third_parties', points: subs, max: 15, reason: `${input.sub_processors} sub-processors × 4 (max 10)${input.dpa_signed === true ? '' : ' + 5: no signed DPA on record'}` },
  ];
  const score = Math.round(lines.reduce((s, l) => s + l.points, 0) * 10) / 10;
  return { vendor_id: input.vendor_id, score, tier: tierOf(score), lines };
}

/** Review cadence and the library questionnaires each tier gets. */
export const TIER_POLICY: Record<Tier, { review_days: number; questionnaires: string[] }> = {
  critical: { review_days: 182, questionnaires: ['nist-csf-gv-sc', 'nist-sp800-53-sr', 'cisa-ict-scrm', 'vsaq-derived'] },
  high: { review_days: 365, questionnaires: ['nist-sp800-53-sr', 'cisa-ict-scrm', 'vsaq-derived'] },
  medium: { review_days: 730, questionnaires: ['nist-csf-gv-sc', 'cisa-ict-scrm'] },
  low: { review_days: 1095, questionnaires: ['nist-csf-gv-sc'] },
};
