// A vendor's oversight picture: tier and inherent risk, latest score, signals, residual risk
// explained line by line, the trend across assessments and the open findings. What the vendor
// page, `warden vendors risk` and the API show.
import { WardenError } from '../errors.ts';
import { getVendor } from '../inventory/inventory-store.ts';
import type { Store } from '../store/open-store.ts';
import { listAssessments } from './assessment-store.ts';
import { type Finding, listFindings } from './findings-store.ts';
import { type ResidualRisk, residualRisk } from './residual-risk.ts';
import { trendOf } from './score-assessment.ts';
import { evaluateSignals, type Signal } from './signals.ts';
import { type VendorTier, vendorTier } from './tier-store.ts';
import { gatherSignalFacts } from './vendor-signals.ts';

export interface VendorRisk {
  vendor_id: string;
  tier: VendorTier;
  latest_assessment: { id: string; status: string; score: number | null; due_at: string } | null;
  signals: Signal[];
  residual: ResidualRisk;
  trend: ReturnType<typeof trendOf>;
  open_findings: Finding[];
}

export async function vendorRisk(store: Store, vendorId: string, now = new Date()): Promise<VendorRisk> {
  const vendor = await getVendor(store, vendorId);
  if (!vendor) throw new WardenError('not_found', `no vendor '${vendorId}'`, 'vendor');
  const tier = await vendorTier(store, vendorId);
  const assessments = await listAssessments(store, { vendor_id: vendorId });
  const latestScored = assessments.filter((a) => a.score !== null).at(-1);
  const latest = assessments.at(-1);
  const signals = evaluateSignals(await gatherSignalFacts(store, vendor), now);
  return {
    vendor_id: vendorId,
    tier,
    latest_assessment: latest ? { id: latest.id, status: latest.status, score: latest.score?.score ?? null, due_at: latest.due_at } : null,
    signals,
    residual: residualRisk(tier.score, tier.tier, latestScored?.score?.score ?? null, signals),
    trend: trendOf(assessments),
    open_findings: (await listFindings(store, { vendor_id: vendorId })).filter((f) => f.status === 'open' || f.status === 'in_progress'),
  };
}
