// The attack: a vendor support account, dormant since October 1st, used from a new foreign IP
// at night; failed logins, a login, an API token, then paging through the attacked unit's
// customers by id until `affected` distinct customers are taken. The first pages are exports
// logged with record ids (confirmed); the rest are API reads logged only by their query
// (inferred by re-evaluating the query). Pure.
import { ACCOUNTS, ATTACK_FIELDS, ATTACKED_UNIT, IPS, SOURCE, TIMELINE } from './scenario-world.ts';
import { type TimedEvent, timed } from './timed-event.ts';

export const PAGE_SIZE = 500;

export interface AttackPlan {
  confirmed: number;
  inferred: number;
  pages: number;
}

export function planAttack(affected: number): AttackPlan {
  const pages = Math.ceil(affected / PAGE_SIZE);
  // About 81% of pages were exports whose log kept the record ids; the rest left only a query.
  const confirmedPages = Math.min(pages - 1, Math.round(pages * 0.81));
  const confirmed = Math.max(0, confirmedPages) * PAGE_SIZE;
  return { confirmed, inferred: affected - confirmed, pages };
}

export function generateAttack(unitIds: string[], affected: number): TimedEvent[] {
  if (affected > unitIds.length) {
    throw new Error(`--affected ${affected} does not fit: unit ${ATTACKED_UNIT} has ${unitIds.length} customers`);
  }
  const sorted = [...unitIds].sort();
  const out: TimedEvent[] = [];
  let t = Date.parse(TIMELINE.attackStart);
  const actor = (session?: string) => ({ user: ACCOUNTS.attacker, type: 'vendor_staff', ...(session ? { session } : {}) });
  const base = { source: SOURCE, src_ip: IPS.attacker, user_agent: 'python-requests/2.31.0' };
  for (let i = 0; i < 7; i++) {
    out.push(timed(t, { ...base, actor: actor(), action: 'login_failed', outcome: 'failure', fields: [] }));
    t += 20_000 + i * 3_000;
  }
  const session = 's-7f3a91';
  out.push(timed(t, { ...base, actor: actor(session), action: 'login', outcome: 'success', fields: [] }));
  t += 95_000;
  out.push(timed(t, { ...base, actor: actor(session), action: 'token_create', object: 'api_token', outcome: 'success', fields: [] }));
  t += 140_000;
  const plan = planAttack(affected);
  const confirmedPages = plan.confirmed / PAGE_SIZE;
  for (let page = 0; page < plan.pages; page++) {
    const offset = page * PAGE_SIZE;
    const size = Math.min(PAGE_SIZE, affected - offset);
    const query = `unit = '${ATTACKED_UNIT}' ORDER BY id LIMIT ${size} OFFSET ${offset}`;
    const fields = [...ATTACK_FIELDS];
    if (page < confirmedPages) {
      // The UI search that shows the page, then its export, which the CRM logs with ids.
      out.push(timed(t, { ...base, actor: actor(session), action: 'search', object: 'customer', query, result_count: size, fields: ['name', 'phone'] }));
      t += 35_000;
      out.push(
        timed(t, { ...base, actor: actor(session), action: 'export', object: 'customer', query, result_count: size, record_ids: sorted.slice(offset, offset + size), fields }),
      );
    } else {
      out.push(timed(t, { ...base, actor: actor(session), action: 'api_read', object: 'customer', query, result_count: size, fields }));
    }
    t += 200_000 + (page % 5) * 17_000;
  }
  out.push(timed(t, { ...base, actor: actor(session), action: 'logout', outcome: 'success', fields: [] }));
  return out;
}
