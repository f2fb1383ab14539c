// Thirty days of normal activity on the dealer CRM: dealer staff by day (views, searches,
// updates, small exports), vendor support now and then, and the nightly sync account that
// legitimately bulk-reads tens of thousands of records from a known IP. Pure; yields day by day.
import { fieldSet, StaffEvent, type StaffHead, staffHead, type TimedEvent, timed } from './timed-event.ts';
import {
  ACCOUNTS,
  createRandom,
  DEALERS_PER_UNIT,
  dealerId,
  IPS,
  pick,
  SOURCE,
  STAFF_PER_DEALER,
  staffAccount,
  TIMELINE,
  UNITS,
} from './scenario-world.ts';

const DAY = 86_400_000;
const VIEW_FIELDS = ['name', 'postal_address', 'phone', 'email', 'vehicle_purchase', 'service_history'];

export interface ActivityOptions {
  unitIds: Map<string, string[]>;
  allIds: string[];
  targetEvents: number;
  seed: number;
}

function workingDays(): number {
  let n = 0;
  for (let d = 0; d < TIMELINE.days; d++) if (new Date(Date.parse(TIMELINE.start) + d * DAY + 12 * 3600_000).getUTCDay() !== 0) n++;
  return n;
}

export function* generateActivity(opts: ActivityOptions): Generator<TimedEvent[]> {
  const rnd = createRandom(opts.seed ^ 0xacc7);
  const staffCount = UNITS.length * DEALERS_PER_UNIT * STAFF_PER_DEALER;
  const perStaffDay = Math.max(4, Math.round(opts.targetEvents / (staffCount * workingDays())) - 2);
  for (let d = 0; d < TIMELINE.days; d++) {
    const day0 = Date.parse(TIMELINE.start) + d * DAY; // JST midnight
    const out: TimedEvent[] = [];
    nightlySync(out, day0, rnd, opts.allIds);
    const weekday = new Date(day0 + 12 * 3600_000).getUTCDay();
    if (weekday !== 0) dealerDay(out, day0, d, rnd, opts.unitIds, perStaffDay);
    if (weekday !== 0 && weekday !== 6 && rnd() < 0.5) vendorSupport(out, day0, rnd, opts.allIds);
    yield out;
  }
}

function nightlySync(out: TimedEvent[], day0: number, rnd: () => number, allIds: string[]): void {
  const actor = { user: ACCOUNTS.sync, type: 'service', session: `s-sync-${day0}` };
  const base = { source: SOURCE, src_ip: IPS.sync, user_agent: 'warden-demo-sync/1.4' };
  let t = day0 + 2 * 3600_000 + Math.floor(rnd() * 300_000);
  out.push(timed(t, { ...base, actor, action: 'login', fields: [] }));
  const start = Math.floor(rnd() * Math.max(1, allIds.length - 30_000));
  for (let p = 0; p < 6; p++) {
    t += 60_000 + Math.floor(rnd() * 30_000);
    const ids = allIds.slice(start + p * 5000, start + (p + 1) * 5000);
    // A small CRM runs out of records before the sixth page; the sync logs no empty reads.
    if (ids.length === 0) continue;
    out.push(timed(t, { ...base, actor, action: 'bulk_read', object: 'customer', record_ids: ids, result_count: ids.length, fields: VIEW_FIELDS }));
  }
  out.push(timed(t + 5_000, { ...base, actor, action: 'logout', fields: [] }));
}

function dealerDay(out: TimedEvent[], day0: number, d: number, rnd: () => number, unitIds: Map<string, string[]>, perDay: number): void {
  for (const [ui, unit] of UNITS.entries()) {
    const ids = unitIds.get(unit.id) ?? [];
    if (ids.length === 0) continue;
    for (let di = 0; di < DEALERS_PER_UNIT; di++) {
      const dealer = dealerId(unit.id, di);
      for (let si = 0; si < STAFF_PER_DEALER; si++) {
        const actor = { user: staffAccount(ui, di, si), type: 'dealer_staff', session: `s-${ui}${di}${si}-${d}` };
        const base = { source: SOURCE, src_ip: IPS.dealer(ui, di), user_agent: 'Mozilla/5.0 Chrome/130' };
        // The common head of this staff member's events, serialised once for the whole day.
        const head = staffHead({ ...base, actor });
        const begin = day0 + 9 * 3600_000 + Math.floor(rnd() * 3_600_000);
        const span = 9 * 3600_000;
        if (rnd() < 0.03) out.push(timed(begin - 30_000, { ...base, actor: { user: actor.user, type: actor.type }, action: 'login_failed', outcome: 'failure', fields: [] }));
        out.push(timed(begin, { ...base, actor, action: 'login', fields: [] }));
        for (let k = 0; k < perDay; k++) {
          const ms = begin + 60_000 + Math.floor(((k + rnd()) / perDay) * span);
          out.push(staffAction(ms, rnd, head, ids, dealer));
        }
        out.push(timed(begin + span + 120_000, { ...base, actor, action: 'logout', fields: [] }));
      }
    }
  }
}

const STAFF_FIELDS = {
  view: fieldSet(VIEW_FIELDS),
  search: fieldSet(['name', 'phone']),
  phone: fieldSet(['phone']),
  service: fieldSet(['service_history']),
  export: fieldSet(['name', 'postal_address', 'phone', 'vehicle_purchase']),
};

function pickIds(rnd: () => number, ids: string[], n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = pick(rnd, ids);
  return out;
}

// Runs ~2 million times per demo: the event is serialised by hand when written (timed-event.ts).
function staffAction(ms: number, rnd: () => number, head: StaffHead, ids: string[], dealer: string): TimedEvent {
  const r = rnd();
  if (r < 0.55) return new StaffEvent(ms, head, 'view', undefined, pickIds(rnd, ids, 1), STAFF_FIELDS.view);
  if (r < 0.8) {
    const n = 1 + Math.floor(rnd() * 8);
    const q = `dealer = '${dealer}' AND name LIKE '${'山田佐藤鈴木高橋田中'[Math.floor(rnd() * 10)]}%'`;
    return new StaffEvent(ms, head, 'search', q, pickIds(rnd, ids, n), STAFF_FIELDS.search);
  }
  if (r < 0.99) {
    const f = rnd() < 0.5 ? STAFF_FIELDS.phone : STAFF_FIELDS.service;
    return new StaffEvent(ms, head, 'update', undefined, pickIds(rnd, ids, 1), f);
  }
  const n = 10 + Math.floor(rnd() * 40);
  return new StaffEvent(ms, head, 'export', `dealer = '${dealer}' AND service_due = 'this_month'`, pickIds(rnd, ids, n), STAFF_FIELDS.export);
}

function vendorSupport(out: TimedEvent[], day0: number, rnd: () => number, allIds: string[]): void {
  const staff = ACCOUNTS.vendorStaff.filter((a) => a !== ACCOUNTS.attacker);
  const idx = Math.floor(rnd() * staff.length);
  const actor = { user: staff[idx] as string, type: 'vendor_staff', session: `s-v${idx}-${day0 / 1000}` };
  const base = { source: SOURCE, src_ip: IPS.vendorOffice(idx), user_agent: 'Mozilla/5.0 (Macintosh) Safari/17' };
  let t = day0 + 10 * 3600_000 + Math.floor(rnd() * 6 * 3600_000);
  out.push(timed(t, { ...base, actor, action: 'login', fields: [] }));
  const n = 5 + Math.floor(rnd() * 10);
  for (let k = 0; k < n; k++) {
    t += 30_000 + Math.floor(rnd() * 240_000);
    out.push(timed(t, { ...base, actor, action: 'view', object: 'customer', record_ids: [pick(rnd, allIds)], result_count: 1, fields: VIEW_FIELDS }));
  }
  out.push(timed(t + 60_000, { ...base, actor, action: 'logout', fields: [] }));
}
