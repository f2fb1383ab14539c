// Continuous signals: alerts on a vendor's systems, stale access grants, breach-notice SLA breaches
// and overdue findings. Each becomes a Signal with the points it adds to residual risk and the
// reason in words. Pure: the caller gathers the facts (vendor-signals.ts).
export interface Signal {
  kind: 'alert' | 'stale_grant' | 'sla_breach' | 'overdue_finding';
  points: number;
  reason: string;
  ref: string;
}

export interface SignalFacts {
  alerts: Array<{ id: string; title: string; level: string; status: string; system: string }>;
  grants: Array<{ system: string; account: string; type: string; last_used: string | null }>;
  sla: Array<{ incident_id: string; breached: boolean | null; message: string }>;
  findings: Array<{ id: string; title: string; severity: string; status: string; due_at: string }>;
}

export const STALE_GRANT_DAYS = 90;
const ALERT_POINTS: Record<string, number> = { critical: 20, high: 15, medium: 8, low: 3, informational: 1 };
const CAPS = { alert: 30, stale_grant: 15, sla_breach: 40, overdue_finding: 25 } as const;
const OPEN_FINDING = new Set(['open', 'in_progress']);

function capped(kind: Signal['kind'], items: Signal[]): Signal[] {
  let left: number = CAPS[kind];
  // Biggest first, so a cap trims the least serious signals.
  return [...items].sort((a, b) => b.points - a.points).map((s) => {
    const points = Math.min(s.points, left);
    left -= points;
    return points === s.points ? s : { ...s, points, reason: `${s.reason} (capped: ${kind} signals add at most ${CAPS[kind]})` };
  });
}

export function evaluateSignals(facts: SignalFacts, now: Date): Signal[] {
  const alerts = facts.alerts
    .filter((a) => a.status !== 'false_positive')
    .map((a): Signal => ({ kind: 'alert', points: ALERT_POINTS[a.level] ?? 5, reason: `${a.level} alert '${a.title}' on ${a.system} (${a.status})`, ref: a.id }));
  const staleBefore = now.getTime() - STALE_GRANT_DAYS * 86_400_000;
  const stale = facts.grants
    .filter((g) => g.last_used !== null && Date.parse(g.last_used) < staleBefore)
    .map((g): Signal => ({ kind: 'stale_grant', points: 3, reason: `${g.type} grant on ${g.system} unused since ${g.last_used} (over ${STALE_GRANT_DAYS} days)`, ref: `${g.system}/${g.account}` }));
  const sla = facts.sla
    .filter((s) => s.breached === true)
    .map((s): Signal => ({ kind: 'sla_breach', points: 20, reason: `incident ${s.incident_id}: breach-notice SLA missed — ${s.message}`, ref: s.incident_id }));
  const overdue = facts.findings
    .filter((f) => OPEN_FINDING.has(f.status) && Date.parse(f.due_at) < now.getTime())
    .map((f): Signal => ({ kind: 'overdue_finding', points: f.severity === 'critical' ? 10 : 5, reason: `${f.severity} finding '${f.title}' overdue since ${f.due_at.slice(0, 10)}`, ref: f.id }));
  return [...capped('alert', alerts), ...capped('stale_grant', stale), ...capped('sla_breach', sla), ...capped('overdue_finding', overdue)];
}
