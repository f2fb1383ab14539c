// The CRM vendor's own audit export, as Example CRM K.K. hands it over: a CSV with its column
// names and its codes for operations, user categories, entities, data items and status; and
// the field mapping a user writes to read it as normalized events (src/logs/field-mapping.ts).
// Both directions come from the same code tables, so the CSV and its mapping cannot drift
// apart. Pure; the scenario writer does the I/O.
import { stringify } from 'yaml';
import type { FieldMappingFile } from '../logs/field-mapping.ts';

export const VENDOR_AUDIT_COLUMNS = [
  'EventId',
  'Timestamp',
  'UserName',
  'UserCategory',
  'SessionId',
  'ClientIp',
  'UserAgent',
  'Operation',
  'Entity',
  'Filter',
  'RowsReturned',
  'RecordIds',
  'Fields',
  'Status',
] as const;

// normalized value -> the vendor's code
const OPERATIONS: Record<string, string> = {
  login: 'LOGIN',
  login_failed: 'LOGIN_FAILURE',
  logout: 'LOGOUT',
  view: 'CUSTOMER_VIEW',
  search: 'CUSTOMER_SEARCH',
  export: 'CUSTOMER_EXPORT',
  update: 'CUSTOMER_UPDATE',
  api_read: 'API_QUERY',
  bulk_read: 'BULK_SYNC',
  token_create: 'API_TOKEN_ISSUE',
};
const USER_CATEGORIES: Record<string, string> = {
  vendor_staff: 'VENDOR_SUPPORT',
  dealer_staff: 'DEALER_USER',
  employee: 'HQ_USER',
  service: 'INTEGRATION',
};
const ENTITIES: Record<string, string> = { customer: 'CUSTOMER', api_token: 'API_TOKEN' };
const DATA_ITEMS: Record<string, string> = {
  name: 'NAME',
  postal_address: 'ADDRESS',
  phone: 'PHONE',
  email: 'EMAIL',
  vehicle_purchase: 'VEHICLE_PURCHASE',
  service_history: 'SERVICE_HISTORY',
};
const STATUSES: Record<string, string> = { success: 'SUCCESS', failure: 'FAILED' };

/** The event as the scenario generators build it (the normalized shape, minus id and time). */
export interface ScenarioEvent {
  actor: { user?: string; type: string; session?: string };
  src_ip?: string;
  user_agent?: string;
  action: string;
  object?: string;
  query?: string;
  result_count?: number;
  record_ids?: readonly string[];
  fields?: readonly string[];
  outcome?: string;
}

function code(table: Record<string, string>, value: string, what: string): string {
  const c = Object.hasOwn(table, value) ? table[value] : undefined;
  if (c === undefined)
    throw new Error(`the vendor audit format has no code for ${what} '${value}'`);
  return c;
}

/** RFC 4180 quoting. The ingest reads one record per line, so a cell may not hold a line break. */
export function csvCell(v: string): string {
  if (/[\r\n]/.test(v))
    throw new Error(`a vendor audit cell cannot hold a line break: ${JSON.stringify(v)}`);
  return /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The vendor's Fields cell: its data-item codes, `;`-separated. */
export function vendorFields(fields: readonly string[]): string {
  return fields.map((f) => code(DATA_ITEMS, f, 'data category')).join(';');
}

/** UserName..UserAgent: the cells one actor's session shares (the generators cache them). */
export function vendorActorCells(
  e: Pick<ScenarioEvent, 'actor' | 'src_ip' | 'user_agent'>,
): string {
  const a = e.actor;
  return `${csvCell(a.user ?? '')},${code(USER_CATEGORIES, a.type, 'actor type')},${csvCell(a.session ?? '')},${csvCell(e.src_ip ?? '')},${csvCell(e.user_agent ?? '')}`;
}

/** Operation..Status. Positional, and `fieldsCell` precomputed: the generators call it 2M times. */
export function vendorActionCells(
  action: string,
  object: string | undefined,
  query: string | undefined,
  count: number | undefined,
  ids: readonly string[] | undefined,
  fieldsCell: string,
  outcome = 'success',
): string {
  const entity = object === undefined ? '' : code(ENTITIES, object, 'object');
  // An empty cell reads back as no ids at all, which JSON's [] is not: never write one.
  if (ids?.length === 0)
    throw new Error('the vendor audit format cannot carry an empty record id list');
  return `${code(OPERATIONS, action, 'action')},${entity},${query === undefined ? '' : csvCell(query)},${count ?? ''},${ids ? ids.join(';') : ''},${fieldsCell},${code(STATUSES, outcome, 'outcome')}`;
}

/** One event's cells after EventId and Timestamp. */
export function vendorCells(e: ScenarioEvent): string {
  return `${vendorActorCells(e)},${vendorActionCells(e.action, e.object, e.query, e.result_count, e.record_ids, vendorFields(e.fields ?? []), e.outcome)}`;
}

function invert(table: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(table).map(([normalized, vendor]) => [vendor, normalized]),
  );
}

/** The mapping a user writes for this export (`warden ingest --format csv --mapping FILE`). */
export function vendorAuditMapping(): FieldMappingFile {
  return {
    fields: {
      id: 'EventId',
      time: 'Timestamp',
      'actor.user': 'UserName',
      'actor.type': 'UserCategory',
      'actor.session': 'SessionId',
      src_ip: 'ClientIp',
      user_agent: 'UserAgent',
      action: 'Operation',
      object: 'Entity',
      query: 'Filter',
      result_count: 'RowsReturned',
      record_ids: 'RecordIds',
      fields: 'Fields',
      outcome: 'Status',
    },
    actions: invert(OPERATIONS),
    actor_types: invert(USER_CATEGORIES),
    values: { object: invert(ENTITIES), fields: invert(DATA_ITEMS), outcome: invert(STATUSES) },
    // Every column is mapped: keeping them again under raw would store each event twice.
    raw: 'unmapped',
  };
}

/** The mapping file as a user would keep it: the YAML, with a note on how it is used. */
export function vendorAuditMappingYaml(): string {
  return [
    "# Example CRM K.K.'s audit export (vendor-audit.csv) read as normalized access events:",
    '#   warden ingest --source dealer-crm --format csv --mapping vendor-audit.mapping.yaml --input vendor-audit.csv',
    '# fields: normalized path <- vendor column; actions, actor_types, values: vendor code -> normalized value.',
    stringify(vendorAuditMapping()),
  ].join('\n');
}
