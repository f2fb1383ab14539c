// Drafts a regulator report for one jurisdiction: reads the incident, its decisions, the latest
// obligations and the ledger (the I/O edge), then hands the data to the form's pure builder.
import { WardenError } from '../../errors.ts';
import { getIncident, listDecisions } from '../../incidents/incident-store.ts';
import { getVendor } from '../../inventory/inventory-store.ts';
import { latestObligations } from '../../obligations/incident-obligations.ts';
import type { Store } from '../../store/open-store.ts';
import { countNotices } from '../ledger-store.ts';
import type { OrgProfile } from '../org-profile.ts';
import { buildGdprReport, EEA } from './gdpr-report.ts';
import { buildGenericReport } from './generic-report.ts';
import { buildPpcReport } from './ppc-report.ts';
import type { Report, ReportInput, ReportKind } from './report-model.ts';

export function reportBuilderFor(jurisdiction: string): (input: ReportInput) => Report {
  if (jurisdiction === 'JP') return buildPpcReport;
  if (jurisdiction === 'EU' || jurisdiction === 'GB' || EEA.includes(jurisdiction)) return buildGdprReport;
  return buildGenericReport;
}

export async function gatherReportInput(store: Store, incidentId: string, jurisdiction: string, kind: ReportKind, org: OrgProfile): Promise<ReportInput> {
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(jurisdiction)) throw new WardenError('bad_usage', `'${jurisdiction}' is not a jurisdiction code (JP, DE, US-CA, EU)`, '--jurisdiction');
  const incident = await getIncident(store, incidentId);
  const factsSet = new Set<string>();
  for (const d of await listDecisions(store, incidentId)) if (d.kind === 'facts' && d.payload && typeof d.payload === 'object') for (const k of Object.keys(d.payload)) factsSet.add(k);
  const vendor = incident.vendor_id ? await getVendor(store, incident.vendor_id) : undefined;
  const decision = await latestObligations(store, incidentId).catch(() => null);
  return {
    incident,
    vendorName: vendor?.name ?? null,
    factsSet: [...factsSet],
    obligations: decision?.obligations ?? null,
    notices: await countNotices(store, incidentId),
    org,
    jurisdiction,
    kind,
    now: new Date().toISOString(),
  };
}

export async function buildReport(store: Store, incidentId: string, jurisdiction: string, kind: ReportKind, org: OrgProfile): Promise<Report> {
  const input = await gatherReportInput(store, incidentId, jurisdiction.toUpperCase(), kind, org);
  return reportBuilderFor(input.jurisdiction)(input);
}
