// When to remind a vendor contact of an assessment's due date: 7, 3 and 1 days before, and once
// when overdue. Only the latest reminder that has come due is sent; earlier ones it overtakes are
// marked skipped so a late start never floods the inbox. Pure.
export const REMINDER_KINDS = ['7d', '3d', '1d', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const OFFSET_MS: Record<ReminderKind, number> = { '7d': 7 * 86_400_000, '3d': 3 * 86_400_000, '1d': 86_400_000, overdue: 0 };

export interface ReminderPlan {
  send: ReminderKind | null;
  skip: ReminderKind[];
}

export function planReminder(dueAt: string, now: Date, done: ReadonlySet<string>): ReminderPlan {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { send: null, skip: [] };
  const reached = REMINDER_KINDS.filter((k) => (k === 'overdue' ? now.getTime() > due : now.getTime() >= due - OFFSET_MS[k]));
  const latest = reached.at(-1);
  if (!latest || done.has(latest)) return { send: null, skip: [] };
  return { send: latest, skip: reached.slice(0, -1).filter((k) => !done.has(k)) };
}
