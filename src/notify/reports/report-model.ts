// The shape of a regulator report draft: the form it follows, and its items in the order the form
// asks for them. An item the data cannot fill is `to_be_completed` with a note saying what is
// missing; builders never invent a value.
import type { Incident } from '../../incidents/incident-model.ts';
import type { NoticeCounts } from '../ledger-store.ts';
import type { OrgProfile } from '../org-profile.ts';

export type ReportKind = 'preliminary' | 'final';
export type ReportForm = 'JP-PPC' | 'GDPR-33' | 'generic';

export interface ReportItem {
  key: string;
  label: string;
  status: 'filled' | 'to_be_completed';
  value: string | null;
  note?: string;
  source?: string;
}

export interface Report {
  form: ReportForm;
  jurisdiction: string;
  kind: ReportKind;
  title: string;
  incident_id: string;
  generated_at: string;
  recipient: string | null;
  deadline: string | null;
  items: ReportItem[];
  missing: string[];
}

export interface ObligationRow {
  jurisdiction: string;
  law: string;
  notify: string;
  recipient: string;
  required: boolean | 'assess';
  deadline: string | null;
  due: string;
}

/** Everything a builder may use; all of it read from the store beforehand. */
export interface ReportInput {
  incident: Incident;
  vendorName: string | null;
  /** Fact names an analyst set explicitly (defaults are not facts). */
  factsSet: string[];
  obligations: ObligationRow[] | null;
  notices: NoticeCounts & { by_channel: Record<string, NoticeCounts> };
  org: OrgProfile;
  jurisdiction: string;
  kind: ReportKind;
  now: string;
}

export function filled(key: string, label: string, value: string, source: string): ReportItem {
  return { key, label, status: 'filled', value, source };
}

export function toComplete(key: string, label: string, note: string, known?: string): ReportItem {
  return { key, label, status: 'to_be_completed', value: known ?? null, note };
}

export function finishReport(base: Omit<Report, 'missing'>): Report {
  return { ...base, missing: base.items.filter((i) => i.status === 'to_be_completed').map((i) => i.key) };
}
