// Shapes the dashboard reads from the API (the server's zod schemas are the truth).
export interface Affected {
  confirmed: number;
  inferred: number;
  total: number;
}
export interface IncidentHead {
  id: string;
  title: string;
  aware_at: string;
  affected: Affected;
  status?: string;
}
export interface Obligation {
  jurisdiction: string;
  law: string;
  notify: string;
  recipient: string;
  required: boolean | 'assess';
  deadline: string | null;
  due: string;
  basis: string;
  reason: string;
}
export interface IncidentDetail extends IncidentHead {
  status: string;
  vendor_id: string | null;
  fields: string[];
  by_jurisdiction: Record<string, number>;
  obligations: Obligation[];
  obligations_source: string;
  notices: { queued: number; sent: number; failed: number; bounced: number; available?: boolean };
  scope: { worst_case: boolean; events: { matched: number; data_reading: number; first: string | null; last: string | null }; notes: string[] } | null;
}
export interface Alert {
  id: string;
  rule: string;
  title: string;
  level: string;
  group: Record<string, unknown>;
  first: string;
  last: string;
  count: number;
  evidence: string[];
  status: string;
  incident_id: string | null;
  created_at: string;
}
export interface Deadline extends Obligation {
  incident: string;
  title: string;
  time_left_ms: number | null;
  time_left: string;
  overdue: boolean;
}
export interface Me {
  username: string;
  role: string;
  vendor_id: string | null;
  csrf: string | null;
}
