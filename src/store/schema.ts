// The database's shape as Kysely sees it: one interface per table, shared by both dialects.
// Booleans are 0/1 integers and JSON is text on both, so one migration set fits both.

export interface EntityTable {
  id: string;
  name: string;
  country: string;
  parent: string | null;
  units: string; // JSON string[] of sales units whose customers this entity controls
  dealers: string; // JSON string[]
}

export interface VendorTable {
  id: string;
  name: string;
  contract: string; // JSON Contract
  contacts: string; // JSON Contact[]
}

export interface SystemTable {
  id: string;
  vendor_id: string;
  name: string;
  data: string; // JSON DataCategory[]
  entities: string; // JSON entity ids
  internet_exposed: number;
}

export interface GrantTable {
  system_id: string;
  account: string;
  type: string;
  owner: string | null;
  last_used: string | null;
}

export interface CustomerTable {
  id: string;
  country: string;
  region: string;
  locale: string;
  dealer: string | null;
  unit: string | null;
  categories: string; // JSON: which PII categories this customer has (not the values)
  key_id: string;
  pii: string; // AES-256-GCM envelope of the PII columns
  email_hmac: string | null;
  phone_hmac: string | null;
  updated_at: string;
}

export interface EventTable {
  id: string;
  source: string;
  time: string;
  time_ms: number;
  actor_user: string | null;
  actor_type: string | null;
  session: string | null;
  src_ip: string | null;
  action: string;
  object: string | null;
  query: string | null;
  result_count: number | null;
  record_ids: string | null; // JSON string[]; null when the source logged only a query
  record_count: number;
  fields: string; // JSON DataCategory[]
  outcome: string;
  extra: string | null; // JSON of what has no column of its own: user_agent, raw
}

/** Per (session, account): the first and last event time seen (src/logs/session-spans.ts). */
export interface EventSessionTable {
  span_session: string;
  span_actor: string; // '' for events without an account
  first_ms: number;
  last_ms: number;
}

export interface QuarantineTable {
  id: string; // hash of source + raw line: a line is quarantined once
  source: string;
  file: string;
  line: number;
  reason: string;
  raw: string;
  at: string;
}

export interface IncidentTable {
  id: string;
  title: string;
  aware_at: string;
  vendor_id: string | null;
  status: string;
  facts: string; // JSON IncidentFacts
  indicators: string; // JSON Indicators
  scope: string | null; // JSON ScopeSummary, the last computed
  created_at: string;
}

export interface AffectedTable {
  incident_id: string;
  customer_id: string;
  basis: string; // confirmed | inferred
  fields: string; // JSON DataCategory[]
  jurisdiction: string;
  entity: string;
}

export interface DecisionTable {
  id: string;
  incident_id: string;
  at: string;
  kind: string;
  actor: string;
  payload: string; // JSON
}

export interface AuditTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AlertTable {
  id: string; // stable key of (rule, group, window start): a replay cannot create a second alert
  rule: string;
  title: string;
  level: string;
  correlation: string | null;
  group_key: string; // JSON {field: value}
  first: string;
  last: string;
  first_ms: number;
  count: number;
  evidence: string; // JSON event ids (bounded)
  status: string; // new | acknowledged | incident | false_positive
  incident_id: string | null;
  created_at: string;
}

export interface Database {
  alerts: AlertTable;
  entities: EntityTable;
  vendors: VendorTable;
  systems: SystemTable;
  grants: GrantTable;
  customers: CustomerTable;
  events: EventTable;
  event_sessions: EventSessionTable;
  quarantine: QuarantineTable;
  incidents: IncidentTable;
  affected: AffectedTable;
  decisions: DecisionTable;
  audit: AuditTable;
}
