// Small builders for normalized dealer-CRM events and a runner that pushes them through the
// built-in pack, for the rule tests (a hit and a near miss per rule).
import type { AccessEvent } from '../../src/logs/access-event.ts';
import { DetectionRunner } from '../../src/detect/detection-runner.ts';
import { BUILTIN_PACK_DIR, loadRules, type LoadedRules } from '../../src/detect/rule-pack.ts';
import type { Detection } from '../../src/sigma/index.ts';

export const DEALER = 'staff-3011@dealers.example-motor.example';
export const VENDOR = 'support-07@crm-vendor.example';
export const SYNC = 'svc-sync@example-motor.example';

let counter = 0;

/** JST wall-clock time `day` days after 2026-11-01 at `hhmm` (plus seconds). */
export function at(day: number, hhmm: string, sec = 0): string {
  const base = Date.parse(`2026-11-01T${hhmm}:00+09:00`) + day * 86_400_000 + sec * 1000;
  return `${new Date(base + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}

type Over = Partial<Omit<AccessEvent, 'actor'>> & { user?: string; type?: AccessEvent['actor']['type']; session?: string };

export function ev(over: Over): AccessEvent {
  const { user, type, session, ...rest } = over;
  const actorUser = user ?? DEALER;
  const actor: AccessEvent['actor'] = {
    user: actorUser,
    type: type ?? (actorUser === SYNC ? 'service' : actorUser.includes('crm-vendor') ? 'vendor_staff' : 'dealer_staff'),
  };
  if (session) actor.session = session;
  return {
    id: `t-${++counter}`,
    time: at(0, '10:00'),
    source: 'dealer-crm',
    src_ip: '10.20.3.12',
    action: 'view',
    fields: [],
    outcome: 'success',
    raw: {},
    ...rest,
    actor,
  };
}

export function ids(prefix: string, n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(from + i).padStart(7, '0')}`);
}

let pack: Promise<LoadedRules> | undefined;
export function builtinPack(): Promise<LoadedRules> {
  pack ??= loadRules([BUILTIN_PACK_DIR]);
  return pack;
}

/** All detections of the pack over `events` (in order), flushed at the end. */
export async function detect(events: AccessEvent[]): Promise<Detection[]> {
  const { ruleSet } = await builtinPack();
  const runner = new DetectionRunner(ruleSet);
  const out: Detection[] = [];
  events.forEach((e, i) => {
    const r = runner.push({ ...e } as unknown as Record<string, unknown>, i + 1);
    if (!r.ok) throw new Error(r.reason);
    out.push(...r.detections);
  });
  out.push(...runner.flush());
  return out;
}

export async function titles(events: AccessEvent[]): Promise<Set<string>> {
  return new Set((await detect(events)).map((d) => d.title));
}
